/** Fills and note text for annotated cells. */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../model/finding.js';
import { hintOf, messageOf } from '../messages/index.js';

export const ERROR_ARGB = 'FFFF0000';
export const WARNING_ARGB = 'FFFFC000';

export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_ARGB } };
export const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: WARNING_ARGB } };

/**
 * Shared empty styles. exceljs's writer caches a style's id by object identity (a WeakMap); a
 * new `{}` per cell or row (what it creates by default) is rendered to XML and looked up again
 * every time, which was about a sixth of the run time. The cache ignores the cell type, so
 * numbers (General format) and other values each get their own object; a Date without a style
 * keeps exceljs's default. Frozen so nobody can change a style that every cell shares.
 */
export const PLAIN_NUMBER: Partial<ExcelJS.Style> = Object.freeze({});
export const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});
export const PLAIN_ROW: Partial<ExcelJS.Style> = Object.freeze({});

/** The shared empty style for an unstyled cell holding `value`; undefined for a Date. */
export function plainStyleFor(value: unknown): Partial<ExcelJS.Style> | undefined {
  if (typeof value === 'number') return PLAIN_NUMBER;
  if (value instanceof Date) return undefined;
  return PLAIN;
}

/** Findings listed in one note at most; the rest are counted. */
const NOTE_FINDINGS = 10;
const NOTE_CHARS = 4000;

/** One note for all findings on a cell: errors first, each with its code, message and hint. */
export function noteText(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b));
  const parts: string[] = [];
  for (const f of sorted.slice(0, NOTE_FINDINGS)) {
    const hint = hintOf(f);
    parts.push(`${f.severity === 'error' ? 'Error' : 'Warning'} ${f.code}: ${messageOf(f)}${hint ? `\nFix: ${hint}` : ''}`);
  }
  if (sorted.length > NOTE_FINDINGS) parts.push(`…and ${sorted.length - NOTE_FINDINGS} more (see the Errors sheet)`);
  const text = parts.join('\n\n');
  return text.length > NOTE_CHARS ? text.slice(0, NOTE_CHARS - 1) + '…' : text;
}

function rank(f: Finding): number {
  return f.severity === 'error' ? 0 : 1;
}

export function fillFor(findings: readonly Finding[]): ExcelJS.Fill {
  return findings.some((f) => f.severity === 'error') ? ERROR_FILL : WARNING_FILL;
}
