/**
 * The one message catalogue: every finding and error code, its plain-words message and a fix
 * hint. Detection code never builds sentences; it reports a code and parameters. Entries are
 * kept in one file per area and merged here; a code may be defined only once.
 */
import type { Finding } from '../../model/finding.js';
import { CORE_MESSAGES } from './core.js';
import { RULE_MESSAGES } from './rules.js';
import { REGISTER_MESSAGES } from './register.js';
import { REGISTER_LINE_MESSAGES } from './register-lines.js';
import { UPLOAD_MESSAGES } from './upload.js';
import { JSON_INPUT_MESSAGES } from './json-input.js';
import type { MessageEntry } from './types.js';
import { hostWords, type Host } from './hosts.js';
import { PORTAL_HINTS, portalWithoutMessage } from './portal-hints.js';

export type { MessageEntry } from './types.js';
export type { Host } from './hosts.js';

const AREAS: readonly Record<string, MessageEntry>[] = [
  CORE_MESSAGES, RULE_MESSAGES, UPLOAD_MESSAGES, REGISTER_MESSAGES, REGISTER_LINE_MESSAGES, JSON_INPUT_MESSAGES,
];

export const MESSAGES: Readonly<Record<string, MessageEntry>> = (() => {
  const all: Record<string, MessageEntry> = {};
  for (const area of AREAS) {
    for (const [k, v] of Object.entries(area)) {
      if (all[k]) throw new Error(`message ${k} is defined twice`);
      all[k] = v;
    }
  }
  return all;
})();

function entry(code: string): MessageEntry {
  return (
    MESSAGES[code] ?? {
      message: () => code,
      hint: () => '',
    }
  );
}

/**
 * The finding's message in plain words (portal findings keep the portal's text), as read on the
 * command line or, with `host` 'web', on the web page (options named by its form fields).
 */
export function messageOf(f: Pick<Finding, 'code' | 'params' | 'value' | 'column' | 'sheet' | 'file' | 'portalMessage'>, host?: Host): string {
  if (f.portalMessage !== undefined) return f.portalMessage || portalWithoutMessage(f.params ?? {}, f.code);
  return entry(f.code).message({ value: f.value, column: f.column, sheet: f.sheet, file: f.file, ...f.params }, hostWords(host));
}

/** The fix hint; a portal finding's (it has a portalMessage) is the portal code's when the rule's needs what the portal does not say. */
export function hintOf(f: Pick<Finding, 'code' | 'params' | 'value' | 'column' | 'sheet' | 'file' | 'portalMessage'>, host?: Host): string {
  const p = { value: f.value, column: f.column, sheet: f.sheet, file: f.file, ...f.params };
  const portal = f.portalMessage !== undefined && Object.hasOwn(PORTAL_HINTS, f.code) ? PORTAL_HINTS[f.code]!(p) : undefined;
  return portal ?? entry(f.code).hint(p, hostWords(host));
}

/** Codes that mean the input could not be read (exit 2). */
export function isInputCode(code: string): boolean {
  return entry(code).input === true;
}
