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

/** One element of the payloads (a b2b recipient with its invoices, an HSN row...), as written. */
export interface PayloadElement {
  readonly key: SectionKey;
  /** '' in an array section; the part's name (`hsn_b2b`, `inv`...) in an object one */
  readonly part: string;
  /** what its text is JSON.stringify of (a recipient cut over several payloads comes once, whole) */
  readonly element: unknown;
  /** the list a group over the chunk limit is cut along (a recipient's `inv`) */
  readonly splitKey?: string;
}

/**
 * The payloads' elements in the order payloadTexts writes them: sections in SECTION_KEYS order,
 * the parts of a section one after the other. The page adds up its totals from them without
 * writing the JSON.
 */
export function* payloadElements(outputs: Outputs): Generator<PayloadElement> {
  for (const key of SECTION_KEYS) {
    const out = outputs.get(key);
    if (!out) continue;
    if (out.kind === 'array') {
      for (const element of out.items) yield out.splitKey === undefined ? { key, part: '', element } : { key, part: '', element, splitKey: out.splitKey };
    } else {
      for (const [part, items] of Object.entries(out.parts)) for (const element of items) yield { key, part, element };
    }
  }
}

/** Default chunk limit: below the ~5 MB the GST API takes per RETSAVE. */
export const DEFAULT_MAX_BYTES = 4_500_000;

/** What `payloadTexts` yields after a payload's last text: the next text starts a new payload. */
export const PAYLOAD_END = null;

/**
 * Serialises the return into payload strings of at most `maxBytes` each (unless a single
 * document alone is larger). Yields each chunk as soon as it is full, so memory stays bounded.
 */
export function* serialisePayloads(outputs: Outputs, env: Envelope, maxBytes = DEFAULT_MAX_BYTES): Generator<string> {
  let texts: string[] = [];
  for (const t of payloadTexts(outputs, env, maxBytes)) {
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
export function* payloadTexts(outputs: Outputs, env: Envelope, maxBytes = DEFAULT_MAX_BYTES): Generator<string | typeof PAYLOAD_END> {
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

  const budget = maxBytes - head.length - 64;
  for (const { key, part, element, splitKey } of payloadElements(outputs)) {
    for (const piece of splitGroup(element, splitKey, budget)) yield* add(key, part, piece);
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
