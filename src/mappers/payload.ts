/**
 * Turns section outputs into retsave payloads: one in-memory object (small returns, tests), or
 * serialised chunk by chunk, each a complete payload under a byte limit, split only between
 * whole top-level groups (a recipient's invoices stay together unless one recipient alone is
 * over the limit, when its invoices are spread over several groups with the same ctin).
 */
import { SECTION_KEYS, type SectionKey } from '../model/sheets.js';
import { utf8Length } from '../model/utf8.js';
import type { SectionOutput } from './types.js';

export type Outputs = ReadonlyMap<SectionKey, SectionOutput>;

export interface Envelope {
  readonly gstin: string;
  readonly fp: string;
}

export type Payload = Envelope & Partial<Record<SectionKey, unknown>>;

/** The whole return as one object. */
export function assemblePayload(outputs: Outputs, env: Envelope): Payload {
  const p: Record<string, unknown> = { gstin: env.gstin, fp: env.fp };
  for (const key of SECTION_KEYS) {
    const out = outputs.get(key);
    if (!out) continue;
    if (out.kind === 'array') {
      const items = [...out.items];
      if (items.length) p[key] = items;
    } else {
      const parts = Object.fromEntries(Object.entries(out.parts).filter(([, v]) => v.length > 0));
      if (Object.keys(parts).length) p[key] = parts;
    }
  }
  return p as unknown as Payload;
}

/**
 * Told each element of the payloads (a b2b recipient, an HSN row...) before its text is given:
 * its section, its part ('' in an array section; `hsn_b2b`, `inv`... in an object one) and the
 * object whose JSON.stringify the text is (a recipient cut over several payloads is told once,
 * whole). The page adds up its totals so, without parsing the texts again.
 */
export type SeenElement = (key: SectionKey, part: string, element: unknown) => void;

/** Default chunk limit: below the ~5 MB the GST API takes per RETSAVE. */
export const DEFAULT_MAX_BYTES = 4_500_000;

/** What `payloadTexts` yields after a payload's last text: the next text starts a new payload. */
export const PAYLOAD_END = null;

/**
 * Serialises the return into payload strings of at most `maxBytes` each (unless a single
 * document alone is larger). Yields each chunk as soon as it is full, so memory stays bounded.
 */
export function* serialisePayloads(outputs: Outputs, env: Envelope, maxBytes = DEFAULT_MAX_BYTES, seen?: SeenElement): Generator<string> {
  let texts: string[] = [];
  for (const t of payloadTexts(outputs, env, maxBytes, seen)) {
    if (t !== PAYLOAD_END) texts.push(t);
    else {
      yield texts.join('');
      texts = [];
    }
  }
}

/**
 * `serialisePayloads` as a stream of texts, each payload's in order and then PAYLOAD_END: a writer
 * writes them as they come, so no payload is held whole. Sections come in SECTION_KEYS order and
 * the parts of a section one after the other, so a payload can be written before it is complete;
 * only whether the next element still fits is decided before its text is given.
 */
export function* payloadTexts(outputs: Outputs, env: Envelope, maxBytes = DEFAULT_MAX_BYTES, seen?: SeenElement): Generator<string | typeof PAYLOAD_END> {
  const head = `{"gstin":${JSON.stringify(env.gstin)},"fp":${JSON.stringify(env.fp)}`;
  let size = head.length + 1;
  /** the open payload's section and part (undefined: nothing written in this payload yet) */
  let openKey: SectionKey | undefined;
  let openPart = '';
  // an object section's parts are named; an array section's one "part" is ''
  const closing = () => (openPart === '' ? ']' : ']}');

  // bytes one more element costs: its text, a comma, and the section/part keys when first used
  const cost = (key: SectionKey, part: string, bytes: number): number =>
    bytes + (openKey === key && openPart === part ? 1 : part.length + 8) + (openKey === key ? 0 : key.length + 8);
  const add = function* (key: SectionKey, part: string, text: string): Generator<string | typeof PAYLOAD_END> {
    const bytes = utf8Length(text);
    let c = cost(key, part, bytes);
    if (size + c > maxBytes && openKey !== undefined) {
      yield `${closing()}}`;
      yield PAYLOAD_END;
      openKey = undefined;
      size = head.length + 1;
      c = cost(key, part, bytes);
    }
    if (openKey === undefined) yield head;
    if (openKey !== key) {
      if (openKey !== undefined) yield closing();
      yield part === '' ? `,"${key}":[` : `,"${key}":{"${part}":[`;
    } else if (openPart !== part) yield `],"${part}":[`;
    else yield ',';
    yield text;
    openKey = key;
    openPart = part;
    size += c;
  };

  for (const key of SECTION_KEYS) {
    const out = outputs.get(key);
    if (!out) continue;
    if (out.kind === 'array') {
      for (const item of out.items) {
        seen?.(key, '', item);
        for (const piece of splitGroup(item, out.splitKey, maxBytes - head.length - 64)) yield* add(key, '', piece);
      }
    } else {
      for (const [part, items] of Object.entries(out.parts)) {
        for (const item of items) {
          seen?.(key, part, item);
          yield* add(key, part, JSON.stringify(item));
        }
      }
    }
  }
  if (openKey !== undefined) {
    yield `${closing()}}`;
    yield PAYLOAD_END;
  }
}

/**
 * A group over the budget is cut into several groups with the same header fields. The group is
 * serialised once: when it is over the budget, its elements' texts are found in its own text
 * (each piece is the header and a run of them, what JSON.stringify({ ...rest, [splitKey]: piece })
 * writes), not serialised again.
 */
function splitGroup(item: unknown, splitKey: string | undefined, budget: number): string[] {
  const text = JSON.stringify(item);
  if (text.length <= budget || !splitKey) return [text];
  const obj = item as Record<string, unknown>;
  const list = obj[splitKey];
  if (!Array.isArray(list) || list.length < 2) return [text];
  const rest = { ...obj };
  delete rest[splitKey];
  const base = JSON.stringify(rest).length + splitKey.length + 6;
  const open = JSON.stringify({ ...rest, [splitKey]: [] }).slice(0, -2);
  // the list is the group's last key (a mapper's groups): its elements end the text; otherwise
  // (a hand-made group) they are serialised one by one
  const texts = text.startsWith(open) && text.endsWith(']}')
    ? elementTexts(text, open.length, text.length - 2)
    : list.map((el) => JSON.stringify(el) ?? 'null');
  const pieces: string[] = [];
  let cur: string[] = [];
  let curSize = base;
  for (const t of texts) {
    const s = t.length + 1;
    if (cur.length && curSize + s > budget) {
      pieces.push(`${open}${cur.join(',')}]}`);
      cur = [];
      curSize = base;
    }
    cur.push(t);
    curSize += s;
  }
  if (cur.length) pieces.push(`${open}${cur.join(',')}]}`);
  return pieces;
}

/** The texts of a JSON array's elements, its inside being `json` from `start` to `end`: split at the commas outside strings and brackets. */
function elementTexts(json: string, start: number, end: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // JSON.stringify escapes every quote and backslash inside a string
      for (i++; json.charCodeAt(i) !== 0x22; i++) if (json.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 0) {
      out.push(json.slice(from, i));
      from = i + 1;
    }
  }
  if (end > start) out.push(json.slice(from, end));
  return out;
}
