/**
 * Portal errors back to rows. `portalErrors` flattens a status response (WhiteBooks or Sandbox
 * envelope, or the bare status payload, or the `error_report` itself) into one error per rejected
 * document with its key; `matchPortalErrors` re-reads the source files, keys every row the same
 * way and returns one Finding per matching row (pointing at the most relevant cell) and one
 * `unmatched` Finding for each error no row matches, so nothing the portal said is dropped.
 */
import type { Field, FieldValues } from '../model/fields.js';
import { FindingList, type Finding } from '../model/finding.js';
import type { SheetId } from '../model/sheets.js';
import { at, readRows, type ParsedRow, type ReadOptions, type SheetStats } from '../parsers/rows.js';
import type { SectionKey } from '../model/sheets.js';
import { describeKey, layoutOf, walkRecords, type DocKey } from './records.js';
import { isObject } from '../model/json-object.js';
import { ratesFor } from '../model/dated-rules.js';
import { PORTAL_NO_CODE } from '../report/messages/portal-hints.js';
import type { Period } from '../model/period.js';

type Obj = Record<string, unknown>;

/** One error the portal reported, and which document or row it is about. */
export interface PortalError {
  /** `section: ''` for an error about the whole request (status ER) */
  readonly key: DocKey;
  /** the portal's `error_cd` */
  readonly code: string;
  /** the portal's `error_msg` */
  readonly message: string;
}

export interface ParsedStatus {
  /** IP, P, PE, ER... when the response carried one */
  readonly statusCd?: string;
  readonly action?: string;
  readonly errorReport?: unknown;
  readonly errors: PortalError[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The bare status payload `{status_cd, action, form_typ, error_report}` inside any envelope. */
export function statusPayload(json: unknown): Obj | undefined {
  let cur: unknown = json;
  for (let depth = 0; depth < 4 && isObject(cur); depth++) {
    if ('error_report' in cur || (typeof cur.status_cd === 'string' && /^(IP|REC|P|PE|ER)$/i.test(cur.status_cd))) return cur;
    cur = cur.data;
  }
  return undefined;
}

/** Parses a status response of either provider, the bare payload, or an error_report. */
export function parseStatusResponse(json: unknown): ParsedStatus {
  const payload = statusPayload(json);
  if (payload) {
    const report = payload.error_report;
    return {
      ...(typeof payload.status_cd === 'string' ? { statusCd: payload.status_cd.toUpperCase() } : {}),
      ...(typeof payload.action === 'string' ? { action: payload.action } : {}),
      ...(report !== undefined ? { errorReport: report } : {}),
      errors: report !== undefined ? portalErrors(report) : [],
    };
  }
  return { errorReport: json, errors: portalErrors(json) };
}

const codeOf = (o: Obj | undefined) => (o ? str(o.error_cd) ?? str(o.errorCode) ?? str(o.error_code) : undefined);
const msgOf = (o: Obj | undefined) => (o ? str(o.error_msg) ?? str(o.errorMessage) ?? str(o.message) : undefined);

/** Flattens an `error_report`: one PortalError per document/row, the innermost code winning. */
export function portalErrors(report: unknown): PortalError[] {
  if (!isObject(report)) return [];
  const hasSections = Object.keys(report).some((k) => layoutOf(k) !== undefined);
  const topCode = codeOf(report);
  if (!hasSections) {
    // ER: one error about the whole request
    return topCode ? [{ key: { section: '' }, code: topCode, message: msgOf(report) ?? '' }] : [];
  }
  const out: PortalError[] = [];
  for (const e of walkRecords(report)) {
    const code = codeOf(e.record) ?? codeOf(e.group) ?? topCode ?? PORTAL_NO_CODE;
    const message = (codeOf(e.record) ? msgOf(e.record) : codeOf(e.group) ? msgOf(e.group) : msgOf(report)) ?? '';
    out.push({ key: e.key, code, message });
  }
  return out;
}

// ------------------------------------------------------------------------------------ row keys

/** Section of each sheet (the sheet spec's own section, except hsn tabs). */
const SHEET_SECTION: Partial<Record<SheetId, string>> = {
  b2b: 'b2b', b2ba: 'b2ba', b2cl: 'b2cl', b2cla: 'b2cla', b2cs: 'b2cs', b2csa: 'b2csa',
  cdnr: 'cdnr', cdnra: 'cdnra', cdnur: 'cdnur', cdnura: 'cdnura', exp: 'exp', expa: 'expa',
  at: 'at', ata: 'ata', atadj: 'txpd', atadja: 'txpda', exemp: 'nil',
  hsn: 'hsn', hsnb2b: 'hsn', hsnb2c: 'hsn', docs: 'doc_issue', eco: 'supeco', ecoa: 'supecoa',
  ecob2b: 'ecom', ecourp2b: 'ecom', ecob2c: 'ecom', ecourp2c: 'ecom',
  ecoab2b: 'ecoma', ecoaurp2b: 'ecoma', ecoab2c: 'ecoma', ecoaurp2c: 'ecoma',
};

/** Table 15 sheets → their part of ecom / ecoma. */
const TABLE15_PART: Partial<Record<SheetId, string>> = {
  ecob2b: 'b2b', ecourp2b: 'urp2b', ecob2c: 'b2c', ecourp2c: 'urp2c',
  ecoab2b: 'b2ba', ecoaurp2b: 'urp2ba', ecoab2c: 'b2ca', ecoaurp2c: 'urp2ca',
};

type V = Partial<FieldValues>;

/** The key of a spreadsheet row, in the same terms as DocKey. */
export function rowKey(sheet: SheetId, v: V): DocKey | undefined {
  const section = SHEET_SECTION[sheet];
  if (!section) return undefined;
  const omon = v.fy !== undefined && v.omonth !== undefined ? omonOf(v.fy, v.omonth) : undefined;
  const k: { -readonly [P in keyof DocKey]?: DocKey[P] } = { section };
  const set = <P extends keyof DocKey>(p: P, x: DocKey[P] | undefined) => {
    if (x !== undefined && x !== '') k[p] = x;
  };
  set('ctin', v.ctin);
  set('inum', v.inum);
  set('oinum', v.oinum);
  set('ntNum', v.ntNum);
  set('ontNum', v.ontNum);
  set('expTyp', v.expTyp);
  set('etin', v.etin);
  set('omon', omon);
  if (v.rt !== undefined) k.rates = [v.rt];
  switch (sheet) {
    case 'b2cla':
      set('pos', v.opos);
      break;
    case 'cdnur':
    case 'cdnura':
      set('typ', v.urType);
      break;
    case 'b2cs':
    case 'b2csa':
      set('pos', v.pos);
      set('typ', v.typ);
      set('rt', v.rt);
      break;
    case 'exemp':
      set('splyTy', v.nilDesc);
      break;
    case 'hsn':
    case 'hsnb2b':
    case 'hsnb2c':
      set('part', sheet === 'hsnb2b' ? 'hsn_b2b' : sheet === 'hsnb2c' ? 'hsn_b2c' : 'data');
      set('hsn', v.hsn);
      set('uqc', v.uqc);
      set('rt', v.rt);
      break;
    case 'docs':
      if (typeof v.docNature === 'number') k.docNum = v.docNature;
      set('from', v.docFrom);
      set('to', v.docTo);
      break;
    case 'ecob2c':
    case 'ecourp2c':
      set('part', TABLE15_PART[sheet]);
      set('stin', v.stin);
      set('pos', v.pos);
      set('rt', v.rt);
      break;
    case 'ecob2b':
    case 'ecourp2b':
    case 'ecoab2b':
    case 'ecoaurp2b':
    case 'ecoab2c':
    case 'ecoaurp2c':
      set('part', TABLE15_PART[sheet]);
      set('stin', v.stin);
      set('pos', v.pos);
      break;
    case 'eco':
    case 'ecoa':
      set('part', sheet === 'eco' ? v.ecoNature : v.ecoNature ? `${v.ecoNature}a` : undefined);
      break;
    default:
      set('pos', v.pos);
  }
  return k as DocKey;
}

function omonOf(fyStart: number, month: number): string {
  return `${String(month).padStart(2, '0')}${month >= 4 ? fyStart : fyStart + 1}`;
}

/** Which key fields identify a row of each section (compared only when both sides have them). */
const IDENTITY: Readonly<Record<SectionKey, readonly (keyof DocKey)[]>> = {
  b2b: ['ctin', 'inum'],
  b2ba: ['ctin', 'inum', 'oinum'],
  b2cl: ['pos', 'inum'],
  b2cla: ['pos', 'inum', 'oinum'],
  exp: ['expTyp', 'inum'],
  expa: ['expTyp', 'inum', 'oinum'],
  cdnr: ['ctin', 'ntNum'],
  cdnra: ['ctin', 'ntNum', 'ontNum'],
  cdnur: ['ntNum'],
  cdnura: ['ntNum', 'ontNum'],
  b2cs: ['pos', 'rt', 'etin'],
  b2csa: ['omon', 'pos', 'rt', 'etin'],
  at: ['pos', 'rates'],
  ata: ['omon', 'pos', 'rates'],
  txpd: ['pos', 'rates'],
  txpda: ['omon', 'pos', 'rates'],
  nil: ['splyTy'],
  hsn: ['hsn', 'uqc', 'rt'],
  doc_issue: ['docNum', 'from', 'to'],
  supeco: ['part', 'etin'],
  supecoa: ['part', 'etin', 'omon'],
  ecom: ['part', 'stin', 'ctin', 'inum', 'pos', 'rt'],
  ecoma: ['part', 'stin', 'ctin', 'inum', 'oinum', 'pos', 'omon', 'rates'],
};

const norm = (x: unknown) => String(x).trim().toUpperCase();

function fieldMatches(f: keyof DocKey, e: DocKey, r: DocKey): boolean {
  const a = e[f];
  const b = r[f];
  if (a === undefined || b === undefined) return true;
  if (f === 'rates') {
    const er = a as readonly number[];
    const rr = b as readonly number[];
    return er.length === 0 || rr.some((x) => er.includes(x));
  }
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  if (f === 'pos') return norm(a).padStart(2, '0') === norm(b).padStart(2, '0');
  return norm(a) === norm(b);
}

function hsnTabMatches(errorPart: string | undefined, rowPart: string | undefined): boolean {
  if (!errorPart || errorPart === 'data' || !rowPart || rowPart === 'data') return true;
  return errorPart === rowPart;
}

/** Does an error's key designate this row? `relax` drops fields portals echo loosely (uqc). */
export function keyMatches(e: DocKey, r: DocKey, relax = false): boolean {
  if (!e.section || e.section !== r.section) return false;
  if (e.section === 'hsn' && !hsnTabMatches(e.part, r.part)) return false;
  for (const f of layoutOf(e.section) ? IDENTITY[e.section as SectionKey] : []) {
    if (relax && f === 'uqc') continue;
    if (!fieldMatches(f, e, r)) return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------ columns

const DATE_FIELD: Partial<Record<SectionKey, Field>> = { cdnr: 'ntDt', cdnra: 'ntDt', cdnur: 'ntDt', cdnura: 'ntDt' };
/** the column naming a row of each section in messages (a section missing here does not compile) */
const NUMBER_FIELD: Readonly<Record<SectionKey, Field>> = {
  b2b: 'inum', b2ba: 'inum', b2cl: 'inum', b2cla: 'inum', exp: 'inum', expa: 'inum',
  cdnr: 'ntNum', cdnra: 'ntNum', cdnur: 'ntNum', cdnura: 'ntNum',
  b2cs: 'pos', b2csa: 'pos', at: 'pos', ata: 'pos', txpd: 'pos', txpda: 'pos',
  nil: 'nilDesc', hsn: 'hsn', doc_issue: 'docNature', supeco: 'etin', supecoa: 'etin',
  ecom: 'inum', ecoma: 'inum',
};

/** The column a portal error is most about, e.g. Invoice date for RET191114. */
export function columnFor(code: string, message: string, section: string, row: ParsedRow): Field | undefined {
  const has = (f: Field) => Boolean(row.ctx.columns[f]);
  const first = (...fs: Field[]) => fs.find(has);
  const date = (layoutOf(section) && DATE_FIELD[section as SectionKey]) || 'idt';
  let f: Field | undefined;
  switch (code) {
    case 'RET191114':
    case 'RET191115':
    case 'RET191126':
    case 'RET191202':
      f = /\bpos\b|place of supply/i.test(message) ? first('pos', 'opos') : first(date, 'idt', 'ntDt', 'pos');
      break;
    case 'RET191113':
    case 'RET191119':
    case 'RET191125':
      f = first('ctin');
      break;
    case 'RET191152':
      f = first('etin');
      break;
    case 'RET191112':
    case 'RET191122':
    case 'RET191135':
    case 'RET191160':
    case 'RET191178':
    case 'RET191179':
      f = first('pos', 'opos');
      break;
    case 'RET191175':
    case 'RET191117':
      f = first('rt');
      break;
    case 'RET191350':
    case 'RET191194':
      f = first('hsn');
      break;
    case 'RET191353':
    case 'RET191195':
      f = first('uqc');
      break;
    case 'RET191355':
      f = first('qty');
      break;
    case 'RET91708':
    case 'RET191150': {
      const v = row.values;
      f = v.iamt ? first('iamt') : v.camt ? first('camt', 'samt') : first('iamt', 'camt', 'txval');
      break;
    }
    case 'RET191176':
      f = first('sbdt');
      break;
    case 'RET191198':
      // amended in the period of the original: the original document's date or month
      f = first('oidt', 'ontDt', 'omonth');
      break;
    case 'RET191180':
      f = first('val');
      break;
    case 'RET191106':
      f = undefined;
      break;
    default:
      f = undefined;
  }
  if (f) return f;
  if (code === 'RET191106') return undefined;
  const n = layoutOf(section) ? NUMBER_FIELD[section as SectionKey] : undefined;
  return n && has(n) ? n : undefined;
}

// ------------------------------------------------------------------------------------ matching

export interface MatchContext {
  /** read every CSV as this sheet (as `--section` did when the files were converted) */
  readonly section?: SheetId;
  readonly maxUnzippedBytes?: number;
  /** where the rows come from when not the template reader (a sales register) */
  readonly rows?: (opts: ReadOptions) => AsyncIterable<ParsedRow>;
  /** the return's period, when known: a rate the portal refused (RET191175) is told the period's rate list */
  readonly period?: Period;
}

/**
 * Re-reads `files` and turns portal errors into findings on their rows. Every error yields at
 * least one finding: one per matching row, or one `unmatched` finding.
 */
export async function matchPortalErrors(files: readonly string[], ctx: MatchContext, errors: readonly PortalError[]): Promise<Finding[]> {
  const matched = new Map<number, Finding[]>();
  const wanted = errors.map((e, i) => ({ e, i })).filter(({ e }) => e.key.section !== '');
  const relaxed: ParsedRow[][] = errors.map(() => []);
  if (wanted.length) {
    const stats: SheetStats[] = [];
    const rows = (ctx.rows ?? ((o: ReadOptions) => readRows(files, o)))({
      findings: new FindingList(),
      stats,
      ...(ctx.section ? { section: ctx.section } : {}),
      ...(ctx.maxUnzippedBytes ? { maxUnzippedBytes: ctx.maxUnzippedBytes } : {}),
    });
    for await (const row of rows) {
      const rk = rowKey(row.ctx.spec.id, row.values);
      if (!rk) continue;
      for (const { e, i } of wanted) {
        if (e.key.section !== rk.section) continue;
        if (keyMatches(e.key, rk)) {
          let list = matched.get(i);
          if (!list) matched.set(i, (list = []));
          list.push(rowFinding(e, row, ctx));
        } else if (e.key.section === 'hsn' && keyMatches(e.key, rk, true)) {
          relaxed[i]!.push(row);
        }
      }
    }
  }
  const out: Finding[] = [];
  errors.forEach((e, i) => {
    let list = matched.get(i);
    if (!list && relaxed[i]!.length) list = relaxed[i]!.map((r) => rowFinding(e, r, ctx));
    if (list) out.push(...list);
    else out.push(unmatchedFinding(e, ctx));
  });
  return out;
}

function rowFinding(e: PortalError, row: ParsedRow, ctx: Pick<MatchContext, 'period'>): Finding {
  const field = columnFor(e.code, e.message, e.key.section, row);
  const loc = at(row, field);
  return {
    code: e.code,
    severity: 'error',
    ...loc,
    portalMessage: e.message,
    params: portalParams(e, ctx),
  };
}

export function unmatchedFinding(e: PortalError, ctx: Pick<MatchContext, 'period'> = {}): Finding {
  return {
    code: e.code,
    severity: 'error',
    unmatched: true,
    portalMessage: e.message,
    params: portalParams(e, ctx),
  };
}

/**
 * A portal error's parameters: its document, and what the catalogue's hint for its code can be
 * told from the return (the period's rate list for a refused rate); any other parameter of the
 * local rule is not known, and the hint reads without it.
 */
function portalParams(e: PortalError, ctx: Pick<MatchContext, 'period'>): Finding['params'] {
  const rates = e.code === 'RET191175' && ctx.period ? { rates: ratesFor(ctx.period).join(', ') } : {};
  return { section: e.key.section, document: describeKey(e.key), ...rates };
}

/** How a list of portal errors landed: errors on rows, the rows they mark (a document of several lines marks each), errors on no row. */
export interface PortalErrorCounts {
  readonly errors: number;
  readonly onRows: number;
  readonly rows: number;
  readonly unmatched: number;
}

/** The counts of `findings`, what matchPortalErrors made of `errors`: each error is on one or more rows, or one unmatched finding. */
export function portalErrorCounts(errors: number, findings: readonly Finding[]): PortalErrorCounts {
  const unmatched = findings.filter((f) => f.unmatched).length;
  return { errors, onRows: errors - unmatched, rows: findings.length - unmatched, unmatched };
}
