/**
 * The emulator's default save validation: the project's own rule catalogue run on the saved JSON
 * (issue #4). A save body is turned back into template rows, record by record, with each
 * section mapper's `toRows` (the exact reverse of the mapping); every row becomes a `ParsedRow`
 * of a synthetic sheet (file `payload`, the template's sheet name and headers, a running row
 * number) and remembers the record it came from. The rules then run as in `gstr1 validate`
 * (row rules, stateful rules, the section mappers, the finish hooks) and each error finding
 * becomes one PortalError on its record, keyed exactly as `walkRecords` keys it, i.e. as the
 * portal's error report will carry it. Warnings are not portal errors.
 *
 * Codes: the portal only answers with its own codes. A finding whose code is a portal code
 * (RET…) keeps it; the project's own codes map to the closest portal code (PORTAL_CODE below),
 * and anything else gets RET191106, the portal's answer for a value its validation refuses. The
 * message is the catalogue's (`messageOf`), so the user reads the same words as in a report.
 * Several findings on one record: the first wins, as on the portal (one error_cd per record).
 *
 * The emulator's save is synchronous (tests call `portal.save(...)` and read the result): the
 * engine's core runs without its async driver, and a rule whose finish hook is asynchronous is
 * refused with an error.
 */
import { createPass, type ProcessResult } from '../../engine/pass.js';
import { FIELD_KINDS, type Field, type FieldValues } from '../../model/fields.js';
import type { Finding } from '../../model/finding.js';
import { parsePeriod } from '../../model/period.js';
import type { ReturnContext } from '../../model/return.js';
import { sheetSpec, type SectionKey, type SheetId } from '../../model/sheets.js';
import { MAPPERS } from '../../mappers/registry.js';
import type { ColumnRef } from '../../parsers/headers.js';
import type { RawCell } from '../../parsers/raw.js';
import type { ParsedRow, SheetContext, SheetStats } from '../../parsers/rows.js';
import { messageOf } from '../../report/messages/index.js';
import { cellValue } from '../../report/template/render.js';
import { createChecker, normaliseValidateOptions, ruleContext, RULES } from '../../validators/index.js';
import type { Rule, RuleContext, ValidateOptions } from '../../validators/types.js';
import type { PortalError } from '../error-report.js';
import { buildSections, layoutOf, walkRecords, walkSection, type RecordEntry } from '../records.js';
import { MESSAGES as PORTAL_MESSAGES, type ValidatePayload } from './validate.js';

type Obj = Record<string, unknown>;

/** The `file` of every synthetic row. */
export const PAYLOAD_FILE = 'payload';

/** What the portal answers for a value or shape its validation refuses; also the fallback. */
export const GENERIC_PORTAL_CODE = 'RET191106';

/**
 * The project's own codes (rules and mappers) → the portal code the emulator answers with.
 * Schema-type problems (a value the portal's JSON validation refuses: document number format,
 * diff_percent, shipping bill patterns, negative or impossible amounts, a section not allowed in
 * the period) → RET191106; business rules → the portal code of the same field.
 */
export const PORTAL_CODE: Readonly<Record<string, string>> = {
  // schema-type
  DOCNUM_FORMAT: 'RET191106',
  DOCNUM_ZERO: 'RET191106',
  DIFF_PERCENT: 'RET191106',
  EXP_SHIPPING_BILL: 'RET191106',
  INVOICE_SIGN: 'RET191106',
  NOTE_SIGN: 'RET191106',
  ADVANCE_SIGN: 'RET191106',
  ECO_SIGN: 'RET191106',
  DOCS_CANCELLED: 'RET191106',
  IFF_SECTION: 'RET191106',
  IFF_DUPLICATE: 'RET191111', // already furnished in another month of the quarter
  IFF_VALUE_LIMIT: 'RET191106', // the portal's own code for the IFF limit is not known
  ECOM_PERIOD: 'RET191106', // Table 15/15A in a period before it existed
  ECOM_SUPPLIER_GSTIN: 'RET191106', // the portal's code for a bad Table 15 supplier GSTIN is not known
  CELL_INVALID_CHOICE: 'RET191106',
  HSN_SHEET_PERIOD: 'RET191106',
  HSN_MANDATORY: 'RET191106', // a required key of the HSN item
  AMOUNT_DIGITS: 'RET191106', // the schema's maximum
  INVTYPE_RCHRG: 'RET191106', // the Offline Tool's import refuses the pairing
  // closest portal code
  B2CS_TYPE_E: 'RET191152', // Type E is the e-commerce operator's: "Invalid E-Commerce GSTIN"
  POS_EXPORT_NOT_BLANK: 'RET191112', // invalid place of supply
  CDN_TIME_LIMIT: 'RET191126', // note date out of the allowed range
  AMEND_TIME_LIMIT: 'RET191198', // original document/month not amendable in this period
  EXP_TYPE_TAX: 'RET191150', // tax heads not allowed for the supply type
  RETURN_TIME_BARRED: 'RET191106', // the portal's own code for a time-barred return is not known
  HSN_B2B_EMPTY: 'RET191106', // the portal's code for the empty B2B tab is not known
  DOC_FIELD_MISMATCH: 'RET191190', // from JSON: a second document with the same number in a section
  // GSTR-1A: the portal's own codes for these are not known
  GSTR1A_ORIGINAL_PERIOD: 'RET191106',
  GSTR1A_PERIOD: 'RET191106',
};

/** The portal code a finding is answered with. */
export function portalCodeOf(code: string): string {
  if (/^RET\d+$/.test(code)) return code;
  return PORTAL_CODE[code] ?? GENERIC_PORTAL_CODE;
}

export interface ProjectRulesOptions extends ValidateOptions {
  /** the rules to run @default the whole catalogue */
  readonly rules?: readonly Rule[];
  /** the supplier is an SEZ unit or developer (a save body does not say) @default false */
  readonly sez?: boolean;
  /** the clock giving `today` when `today` is not set (the emulator passes its own) */
  readonly now?: () => number;
  /** answer only the findings of these codes (a rule's own, not the mappers' it runs beside) @default every error */
  readonly only?: readonly string[];
}

/** A `ValidatePayload` running the project's rule catalogue on a save body. */
export function projectRules(opts: ProjectRulesOptions = {}): ValidatePayload {
  const { rules = RULES, sez = false, now, only, ...validate } = opts;
  normaliseValidateOptions(validate);
  return (payload, ret = {}) => {
    const gstin = typeof payload.gstin === 'string' ? payload.gstin.trim().toUpperCase() : '';
    const period = typeof payload.fp === 'string' ? parsePeriod(payload.fp) : undefined;
    if (!gstin || !period) return [];
    const ctx: ReturnContext = { gstin, supplierState: gstin.slice(0, 2), period, sez };
    const today = validate.today ?? (now ? new Date(now()).toISOString().slice(0, 10) : undefined);
    const rctx = ruleContext(ctx, { ...validate, ...(today ? { today } : {}), ...(ret.form ? { form: ret.form } : {}) });
    const source = payloadRows(payload, ctx);
    const result = runRules(source, ctx, rctx, rules);
    return portalErrorsOf(result, source, only);
  };
}

// ---------------------------------------------------------------------------- synthetic rows

/** The rows of a save body, and which record each came from. */
export interface PayloadRows {
  readonly rows: readonly ParsedRow[];
  /** the record of a row, by `sheet \0 row` */
  readonly recordOf: ReadonlyMap<string, RecordEntry>;
  /** the records of each sheet, by sheet name */
  readonly sheetRecords: ReadonlyMap<string, readonly RecordEntry[]>;
  /** the first record of each identity (RecordEntry.id) */
  readonly byId: ReadonlyMap<string, RecordEntry>;
  /** records the mapper could not turn into rows */
  readonly unreadable: readonly RecordEntry[];
  readonly stats: SheetStats[];
}

const rowId = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/**
 * Mandatory columns the JSON has no value for, filled as `to-excel` fills them (the operator's
 * name in Table 14 is not reported).
 */
const FILL_FROM: Partial<Record<Field, Field>> = { ecoName: 'etin' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A row value as the cell a person would have typed (dates as the portal writes them). */
function cellOf(field: Field, v: unknown): RawCell {
  if (FIELD_KINDS[field] === 'date' && typeof v === 'string') {
    const m = ISO.exec(v);
    if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  }
  return cellValue(field, v) ?? null;
}

/** Template rows of every record of a save body (records flagged D are deletions: not checked). */
export function payloadRows(payload: Obj, ctx: ReturnContext): PayloadRows {
  const rows: ParsedRow[] = [];
  const recordOf = new Map<string, RecordEntry>();
  const sheetRecords = new Map<string, RecordEntry[]>();
  const byId = new Map<string, RecordEntry>();
  const unreadable: RecordEntry[] = [];
  const stats: SheetStats[] = [];
  const sheets = new Map<SheetId, SheetContext>();
  const sheetOf = (id: SheetId): SheetContext => {
    let sc = sheets.get(id);
    if (!sc) {
      const spec = sheetSpec(id);
      const columns: Partial<Record<Field, ColumnRef>> = {};
      spec.columns.forEach((c, i) => {
        columns[c.field] ??= { header: c.header, col: i + 1 };
      });
      const st: SheetStats = { file: PAYLOAD_FILE, sheet: spec.names[0]!, sheetId: id, read: 0, rejected: 0, skipped: 0 };
      stats.push(st);
      sc = { file: PAYLOAD_FILE, sheet: spec.names[0]!, spec, columns, format: 'xlsx', headerRow: 1, stats: st };
      sheets.set(id, sc);
    }
    return sc;
  };

  for (const entry of walkRecords(payload)) {
    if (entry.record.flag === 'D') continue;
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
    const mapper = MAPPERS[entry.section as SectionKey];
    if (!mapper) continue;
    let made: { sheet: SheetId; values: Partial<FieldValues> }[];
    try {
      // the record alone, inside its group: every row it gives is this record's
      made = [...mapper.toRows(buildSections([entry])[entry.section], ctx)];
    } catch {
      unreadable.push(entry);
      continue;
    }
    for (const r of made) {
      const sc = sheetOf(r.sheet);
      let values = r.values;
      for (const [to, from] of Object.entries(FILL_FROM) as [Field, Field][]) {
        if ((values[to] === undefined || values[to] === '') && values[from] !== undefined) values = { ...values, [to]: values[from] };
      }
      const cells = sc.spec.columns.map((c) => cellOf(c.field, values[c.field]));
      const row: ParsedRow = { ctx: sc, row: sc.headerRow + ++sc.stats.read, values, cells };
      rows.push(row);
      recordOf.set(rowId(sc.sheet, row.row), entry);
      let list = sheetRecords.get(sc.sheet);
      if (!list) sheetRecords.set(sc.sheet, (list = []));
      if (list[list.length - 1] !== entry) list.push(entry);
    }
  }
  return { rows, recordOf, sheetRecords, byId, unreadable, stats };
}

// ------------------------------------------------------------------------------- the pass

/**
 * The pass over the rows, synchronously: the engine's core with the rules' checker, exactly as
 * `gstr1 validate` runs it (src/engine).
 */
export function runRules(source: PayloadRows, ctx: ReturnContext, context: RuleContext, rules: readonly Rule[]): ProcessResult {
  const pass = createPass(ctx, { checkers: [createChecker(rules, context)], files: [PAYLOAD_FILE], stats: source.stats });
  for (const row of source.rows) pass.push(row);
  const result = pass.finish();
  if (result instanceof Promise) {
    result.catch(() => undefined);
    throw new Error('a rule finishes asynchronously; the emulator validates saves synchronously');
  }
  return result;
}

// ------------------------------------------------------------------------ findings → errors

/** One PortalError per failing record, the first error finding (of the `only` codes, if given) on it winning. */
export function portalErrorsOf(result: ProcessResult, source: PayloadRows, only?: readonly string[]): PortalError[] {
  const out: PortalError[] = [];
  const failed = new Set<string>();
  const fail = (e: RecordEntry, code: string, message: string) => {
    if (failed.has(e.id)) return;
    failed.add(e.id);
    out.push({ key: e.key, code, message });
  };
  if (!only) {
    for (const e of source.unreadable) {
      fail(e, 'RET191106', `${PORTAL_MESSAGES.RET191106} The ${e.section} record cannot be read.`);
    }
  }
  for (const f of result.findings.items) {
    if (f.severity !== 'error' || (only && !only.includes(f.code))) continue;
    const code = portalCodeOf(f.code);
    const message = messageOf(f);
    for (const e of recordsOf(f, result, source)) fail(e, code, message);
  }
  return out;
}

/**
 * The records a finding is about: its row's; for a schema finding, the record (or the group's
 * records) at its JSON path; for a finding about a whole sheet, every record of the sheet. A
 * finding about the return as a whole (no sheet) has no record and is left out.
 */
function recordsOf(f: Finding, result: ProcessResult, source: PayloadRows): readonly RecordEntry[] {
  if (f.file !== undefined && f.file !== PAYLOAD_FILE) return [];
  if (f.sheet !== undefined && f.row !== undefined) {
    const e = source.recordOf.get(rowId(f.sheet, f.row));
    return e ? [e] : [];
  }
  const path = f.params?.path;
  if (typeof path === 'string') return recordsAtPath(path, result, source);
  if (f.sheet !== undefined) return source.sheetRecords.get(f.sheet) ?? [];
  return [];
}

/**
 * A JSON path of the mapped output (`/b2b/0/inv/1/inum`) back to the save body's records: the
 * record on the path, else every record under its deepest object (a group-level problem); each
 * found by its identity, which the round trip keeps.
 */
function recordsAtPath(path: string, result: ProcessResult, source: PayloadRows): RecordEntry[] {
  const parts = path.split('/').slice(1);
  const section = parts[0] ?? '';
  const layout = layoutOf(section);
  const out = result.outputs.get(section as SectionKey);
  if (!layout || !out) return [];
  const json: unknown = out.kind === 'array' ? [...out.items] : out.parts;
  const onPath = new Set<unknown>();
  let node: unknown = json;
  let deepest: unknown = json;
  for (const p of parts.slice(1)) {
    if (node === null || typeof node !== 'object') break;
    onPath.add(node);
    deepest = node;
    node = (node as Obj)[p];
  }
  if (node !== null && typeof node === 'object') {
    onPath.add(node);
    deepest = node;
  }
  const mapped = [...walkSection(section, layout, json)];
  let hit = mapped.filter((e) => onPath.has(e.record));
  if (hit.length === 0) {
    const under = new Set<unknown>();
    const collect = (v: unknown, depth: number) => {
      if (v === null || typeof v !== 'object' || depth > 4) return;
      under.add(v);
      for (const c of Array.isArray(v) ? v : Object.values(v)) collect(c, depth + 1);
    };
    collect(deepest, 0);
    hit = mapped.filter((e) => under.has(e.record));
  }
  const found: RecordEntry[] = [];
  for (const e of hit) {
    const original = source.byId.get(e.id);
    if (original && !found.includes(original)) found.push(original);
  }
  return found;
}
