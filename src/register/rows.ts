/**
 * A classified register line as a row of its template sheet: the template's field values, and
 * a sheet context whose columns are the register's own, so that every finding of the mappers and
 * the validators points at the register's cell. One context per (file, register sheet, target
 * sheet); a derived table's row (HSN, documents, Table 14) gets a context named after the register
 * rows it comes from, "<sheet> of <register sheet> rows 5, 9 (derived)", with no columns, and the
 * first of those rows as its row number.
 *
 * Sheets that have no date (b2cs, advances, Table 15's B2C parts, Table 8's nil-rated, exempt
 * and non-GST supplies) still carry the register's date as `idt`, pointing at the register's date
 * column: it is checked against the period (RET191114) like an invoice's, and no section's JSON
 * writes it.
 */
import { ECO_FROM } from '../model/dated-rules.js';
import type { Field, FieldValues } from '../model/fields.js';
import { noTaxType } from '../model/no-tax.js';
import { periodKey } from '../model/period.js';
import { sheetSpec, type SheetId } from '../model/sheets.js';
import type { ColumnRef } from '../parsers/headers.js';
import { baseName } from '../parsers/file-names.js';
import type { ParsedRow, SheetContext, SheetStats } from '../parsers/rows.js';
import type { ReturnContext } from '../model/return.js';
import type { Decision, Original, TargetSheet } from './classify.js';
import type { RowSources } from './derive.js';
import type { RegisterField } from './fields.js';
import type { RegisterLine } from './line.js';
import type { RegisterColumns } from './match.js';

type Values = Partial<FieldValues>;

/** Which register column stands for a template field. */
const FIELD_SOURCE: Partial<Record<Field, readonly RegisterField[]>> = {
  ctin: ['ctin'],
  receiverName: ['recipientName'],
  inum: ['docNum'],
  ntNum: ['docNum'],
  idt: ['docDate'],
  ntDt: ['docDate'],
  ntty: ['docType'],
  val: ['val'],
  pos: ['pos'],
  rchrg: ['rchrg'],
  diffPercent: ['diffPercent'],
  invTyp: ['invType'],
  etin: ['etin'],
  rt: ['rate', 'igstRate'],
  txval: ['txval'],
  csamt: ['csamt'],
  // read only on supplies without payment of tax, whose tax must be 0 (RET191150 at the cell)
  iamt: ['iamt'],
  camt: ['camt'],
  samt: ['samt'],
  expTyp: ['expType', 'invType'],
  urType: ['expType', 'invType'],
  sbpcode: ['portCode'],
  sbnum: ['sbNum'],
  sbdt: ['sbDate'],
  nilDesc: ['category', 'invType'],
  oinum: ['origNum', 'docNum'],
  oidt: ['origDate'],
  opos: ['pos'],
  ontNum: ['origNoteNum'],
  ontDt: ['origDate'],
  fy: ['origMonth', 'origDate'],
  omonth: ['origMonth', 'origDate'],
  adAmt: ['txval'],
  stin: ['stin'],
  supplierName: ['supplierName'],
  docTyp: ['invType'],
  nilAmt: ['txval'],
  exptAmt: ['txval'],
  ngsupAmt: ['txval'],
};

/** Sheets without a date column whose rows carry the register's date as `idt` (not their amendments: they name a month). */
export const DATED_SUMMARIES: ReadonlySet<SheetId> = new Set<SheetId>(['b2cs', 'at', 'atadj', 'ecob2c', 'ecourp2c', 'exemp']);

export function templateColumns(sheet: SheetId, register: RegisterColumns): Partial<Record<Field, ColumnRef>> {
  const out: Partial<Record<Field, ColumnRef>> = {};
  if (DATED_SUMMARIES.has(sheet) && register.docDate) out.idt = register.docDate;
  for (const col of sheetSpec(sheet).columns) {
    for (const src of FIELD_SOURCE[col.field] ?? []) {
      const ref = register[src];
      if (ref) {
        out[col.field] = ref;
        break;
      }
    }
  }
  return out;
}

/** Contexts are made once per (file, sheet, target) and shared by all their rows. */
export class ContextCache {
  private readonly map = new Map<string, SheetContext>();
  constructor(private readonly stats: SheetStats[]) {}

  /** The context of register rows of `sheet` going to template sheet `target`. */
  forRegister(file: string, sheet: string, format: 'xlsx' | 'csv', headerRow: number, target: SheetId, register: RegisterColumns): SheetContext {
    const key = `${file}\u0000${sheet}\u0000${target}`;
    let ctx = this.map.get(key);
    if (!ctx) {
      const spec = sheetSpec(target);
      const stats: SheetStats = { file, sheet: `${sheet} › ${spec.names[0]}`, sheetId: target, read: 0, rejected: 0, skipped: 0 };
      this.stats.push(stats);
      ctx = { file, sheet, spec, columns: templateColumns(target, register), format, headerRow, stats };
      this.map.set(key, ctx);
    }
    return ctx;
  }

  /** The context of a derived table (HSN summary, documents issued, Table 14): its counts are the table's. */
  forDerived(file: string, format: 'xlsx' | 'csv', target: SheetId): SheetContext {
    const key = `${file}\u0000(derived)\u0000${target}`;
    let ctx = this.map.get(key);
    if (!ctx) {
      const spec = sheetSpec(target);
      const sheet = derivedSheetName(target);
      const stats: SheetStats = { file, sheet, sheetId: target, read: 0, rejected: 0, skipped: 0 };
      this.stats.push(stats);
      ctx = { file, sheet, spec, columns: {}, format, headerRow: 0, stats };
      this.map.set(key, ctx);
    }
    return ctx;
  }

  /** One derived row, located at the register rows it comes from (its table's counts go up by one). */
  derivedRow(file: string, format: 'xlsx' | 'csv', target: SheetId, values: ParsedRow['values'], from: RowSources): ParsedRow {
    const table = this.forDerived(file, format, target);
    table.stats.read++;
    return { ctx: { ...table, sheet: derivedSheetName(target, from, file) }, row: from.first.row, values, cells: [] };
  }
}

/**
 * `hsn(b2b) (derived)`; for one derived row, with the register rows it comes from:
 * `hsn(b2b) of Sales rows 5, 9 (derived)`, `docs of Sales rows 2, 3, 4, 5, 6 and 20 more (derived)`.
 * Rows of another file are named with it. The name ends in "(derived)": no cell of the file holds it.
 */
export function derivedSheetName(target: SheetId, from?: RowSources, home?: string): string {
  const name = sheetSpec(target).names[0];
  if (!from || from.count === 0) return `${name} (derived)`;
  const groups: { where: string; rows: number[] }[] = [];
  for (const p of from.listed) {
    const where = p.file === home ? p.sheet : `${baseName(p.file)} ${p.sheet}`;
    const g = groups[groups.length - 1];
    if (g?.where === where) g.rows.push(p.row);
    else groups.push({ where, rows: [p.row] });
  }
  const more = from.count - from.listed.length;
  return `${name} of ${groups.map(rowsText).join('; ')}${more > 0 ? ` and ${more} more` : ''} (derived)`;
}

function rowsText(s: { where: string; rows: number[] }): string {
  return `${s.where} row${s.rows.length > 1 ? 's' : ''} ${s.rows.join(', ')}`;
}

/**
 * An amendment sheet's values: those of the section amended (the revised details), with what the
 * row names of the original — its number and date, or its month; b2cla's place of supply is the
 * original one (the sheet has no other).
 */
const byDate = (o: Original, line: RegisterLine): Values => ({ oinum: o.num ?? line.docNum, oidt: o.date! });
const byNote = (o: Original): Values => ({ ontNum: o.num!, ontDt: o.date! });
const byMonth = (o: Original): Values => ({ fy: o.month!.fy, omonth: o.month!.month });
const AMENDS: Partial<Record<TargetSheet, { of: TargetSheet; original: (o: Original, line: RegisterLine) => Values }>> = {
  b2ba: { of: 'b2b', original: byDate },
  b2cla: { of: 'b2cl', original: (o, line) => ({ ...byDate(o, line), opos: line.pos! }) },
  b2csa: { of: 'b2cs', original: byMonth },
  cdnra: { of: 'cdnr', original: byNote },
  cdnura: { of: 'cdnur', original: byNote },
  expa: { of: 'exp', original: byDate },
  ata: { of: 'at', original: byMonth },
  atadja: { of: 'atadj', original: byMonth },
  ecoab2b: { of: 'ecob2b', original: byDate },
  ecoaurp2b: { of: 'ecourp2b', original: byDate },
  ecoab2c: { of: 'ecob2c', original: byMonth },
  ecoaurp2c: { of: 'ecourp2c', original: byMonth },
};

/** Table 15: the supplier who sold through the operator (none for an unregistered one). */
function supplierOf(line: RegisterLine): Values {
  return line.stin && line.stin !== 'URP' ? { stin: line.stin, ...(line.supplierName ? { supplierName: line.supplierName } : {}) } : {};
}

/**
 * The template values of a classified line (its target must be a template sheet). A supply
 * without payment of tax (SEWOP, WOPAY, EXPWOP) also carries the tax the register gives it, when
 * not 0, so that RET191150 points at the cell; the JSON writes it no tax either way.
 */
export function templateValues(line: RegisterLine, d: Decision & { target: TargetSheet }, docValue: number | undefined, ctx: ReturnContext): Values {
  const v = sheetValues(line, d, docValue, ctx);
  if (!noTaxType(v)) return v;
  return { ...v, ...(line.iamt ? { iamt: line.iamt } : {}), ...(line.camt ? { camt: line.camt } : {}), ...(line.samt ? { samt: line.samt } : {}) };
}

function sheetValues(line: RegisterLine, d: Decision & { target: TargetSheet }, docValue: number | undefined, ctx: ReturnContext): Values {
  const keepEtin = line.etin && periodKey(ctx.period) < ECO_FROM ? { etin: line.etin } : {};
  const diff = { diffPercent: line.diffPercent };
  const cess = line.csamt !== undefined ? { csamt: line.csamt } : {};
  const txval = line.txval;
  // a sheet without a date keeps the register's, to be checked against the period
  const dated = line.docDate ? { idt: line.docDate } : {};
  const amended = AMENDS[d.target];
  if (amended) {
    const values = { ...templateValues(line, { ...d, target: amended.of }, docValue, ctx), ...amended.original(d.original!, line) };
    if (d.target === 'b2cla') delete values.pos;
    if (DATED_SUMMARIES.has(amended.of)) delete values.idt;
    return values;
  }
  switch (d.target) {
    case 'at':
    case 'atadj':
      return { pos: line.pos!, ...diff, rt: line.rate, adAmt: txval, ...cess, ...dated };
    case 'ecob2b':
    case 'ecourp2b':
      return {
        ...supplierOf(line), ctin: line.ctin!, ...(line.recipientName ? { receiverName: line.recipientName } : {}),
        inum: line.docNum, idt: line.docDate!, val: docValue!, pos: line.pos!, docTyp: line.invType ?? 'R', rt: line.rate, txval, ...cess,
      };
    case 'ecob2c':
    case 'ecourp2c':
      return { ...supplierOf(line), pos: line.pos!, rt: line.rate, txval, ...cess, ...dated };
    case 'b2b':
      return {
        ctin: line.ctin!, ...(line.recipientName ? { receiverName: line.recipientName } : {}),
        inum: line.docNum, idt: line.docDate!, val: docValue!, pos: line.pos!, rchrg: line.rchrg, ...diff,
        invTyp: line.invType ?? 'R', ...keepEtin, rt: line.rate, txval, ...cess,
      };
    case 'b2cl':
      return { inum: line.docNum, idt: line.docDate!, val: docValue!, pos: line.pos!, ...diff, rt: line.rate, txval, ...cess, ...keepEtin };
    case 'b2cs':
      return {
        typ: 'OE', pos: line.pos!, ...diff, rt: line.rate,
        txval: d.sign * Math.abs(txval), ...(line.csamt !== undefined ? { csamt: d.sign * Math.abs(line.csamt) } : {}), ...dated,
      };
    case 'cdnr':
      return {
        ctin: line.ctin!, ...(line.recipientName ? { receiverName: line.recipientName } : {}),
        ntNum: line.docNum, ntDt: line.docDate!, ntty: line.kind, pos: line.pos!, rchrg: line.rchrg,
        invTyp: line.invType ?? 'R', val: docValue!, ...diff, rt: line.rate, txval, ...cess,
      };
    case 'cdnur':
      return {
        urType: d.urType!, ntNum: line.docNum, ntDt: line.docDate!, ntty: line.kind,
        ...(d.urType === 'B2CL' ? { pos: line.pos!, ...diff } : { diffPercent: 100 }),
        val: docValue!, rt: line.rate, txval, ...cess,
      };
    case 'exp':
      return {
        expTyp: line.expType!, inum: line.docNum, idt: line.docDate!, val: docValue!,
        ...(line.portCode ? { sbpcode: line.portCode } : {}),
        ...(line.sbNum ? { sbnum: line.sbNum } : {}),
        ...(line.sbDate ? { sbdt: line.sbDate } : {}),
        rt: line.rate, txval, ...cess,
      };
    case 'exemp': {
      const amount = d.sign * Math.abs(txval);
      const part = line.category === 'nil' ? 'nilAmt' : line.category === 'exempt' ? 'exptAmt' : 'ngsupAmt';
      return { nilDesc: d.nilType!, [part]: amount, ...dated };
    }
    default:
      throw new Error(`${d.target}: an amendment sheet, handled above`);
  }
}
