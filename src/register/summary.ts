/**
 * Showing the register's classification: why each row went where it went (`--explain`), rows and
 * value per section, the derived tables, and the document series found, so the user can check
 * them. Reasons are codes with parameters; the sentences are made here.
 */
import type { Params } from '../model/finding.js';
import { DOC_NATURES, MONTHS } from '../model/labels.js';
import { formatPaise } from '../model/money.js';
import type { DocKind } from './coerce.js';
import type { ReasonCode, Target } from './classify.js';
import type { SeriesInfo } from './derive.js';

export type NoteCode = 'continues' | 'rate-amounts' | 'rate-rates' | 'rate-category' | 'rate-blank' | 'pos-recipient' | 'pos-supplier' | 'eco-52' | 'no-hsn' | 'sign-read' | 'paid-by-tax' | 'unpaid-by-tax';

export interface RowNote {
  readonly code: NoteCode;
  readonly params?: Params;
}

/** Why one register row went where it went. */
export interface RowExplanation {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly document?: string;
  readonly kind?: DocKind;
  /**
   * the section, `eco` (Table 14 only), `cancelled` (Table 13 only), `rejected` (findings say why) or
   * `not-issued` (a draft: in no table; params.status is its status as written)
   */
  readonly target: Target | 'rejected' | 'not-issued';
  readonly reason?: ReasonCode;
  readonly params?: Params;
  readonly notes: readonly RowNote[];
}

export interface SectionCount {
  rows: number;
  documents: number;
  /** taxable value, paise (credit notes less where the section nets them) */
  taxable: number;
}

export interface SheetRead {
  readonly file: string;
  readonly sheet: string;
  readonly layout: string;
  readonly headerRow: number;
  /** read twice: once to total each document's value (no invoice-value column), once to classify */
  readonly passes: 1 | 2;
  /** columns the layout knows and does not read, that held data (Tally's Narration...) */
  readonly unread: string[];
  /** columns that held data and are another name of a field read from another column: the header, the field, the column read */
  readonly seconds: { header: string; field?: string; read?: string }[];
}

export class RegisterSummary {
  readonly sheets: SheetRead[] = [];
  rows = 0;
  rejected = 0;
  /** totals lines under the data, skipped: where, and their label as typed */
  readonly totalsSkipped: { file: string; sheet: string; row: number; label: string }[] = [];
  /** rows with data only in columns not read (a remark, a running total), skipped */
  readonly unreadRows: { file: string; sheet: string; row: number }[] = [];
  readonly sections = new Map<Target, SectionCount>();
  /** rows and documents never issued (drafts), left out of the return */
  readonly notIssued = { rows: 0, documents: 0 };
  private readonly notIssuedKeys = new Set<string>();
  series: SeriesInfo[] = [];
  hsnLines = { b2b: 0, b2c: 0, all: 0 };
  ecoRecords = 0;

  count(target: Target, newDocument: boolean, taxable: number): void {
    let c = this.sections.get(target);
    if (!c) this.sections.set(target, (c = { rows: 0, documents: 0, taxable: 0 }));
    c.rows++;
    if (newDocument) c.documents++;
    c.taxable += taxable;
  }

  /** A row of a document never issued, by the document's key. */
  leftOut(documentKey: string): void {
    this.notIssued.rows++;
    if (!this.notIssuedKeys.has(documentKey)) {
      this.notIssuedKeys.add(documentKey);
      this.notIssued.documents++;
    }
  }
}

const SECTION_LABEL: Readonly<Record<Target, string>> = {
  b2b: 'b2b (4A, 4B, 6B, 6C)',
  b2cl: 'b2cl (5)',
  b2cs: 'b2cs (7)',
  exp: 'exp (6A)',
  cdnr: 'cdnr (9B registered)',
  cdnur: 'cdnur (9B unregistered)',
  exemp: 'nil / exempt / non-GST (8)',
  b2ba: 'b2ba (9A)',
  b2cla: 'b2cla (9A)',
  expa: 'expa (9A)',
  b2csa: 'b2csa (10)',
  cdnra: 'cdnra (9C registered)',
  cdnura: 'cdnura (9C unregistered)',
  at: 'advances received (11A)',
  atadj: 'advances adjusted (11B)',
  ata: 'advances received, amended (11A)',
  atadja: 'advances adjusted, amended (11B)',
  ecob2b: 'Table 15 b2b',
  ecourp2b: 'Table 15 urp2b',
  ecob2c: 'Table 15 b2c',
  ecourp2c: 'Table 15 urp2c',
  ecoab2b: 'Table 15A b2b',
  ecoaurp2b: 'Table 15A urp2b',
  ecoab2c: 'Table 15A b2c',
  ecoaurp2c: 'Table 15A urp2c',
  eco: 'e-commerce u/s 9(5) (14 only)',
  cancelled: 'cancelled (13 only)',
};
/** the summary's order: the form's */
const SECTION_ORDER = Object.keys(SECTION_LABEL) as Target[];

/** A section's label with its table number ("b2ba (9A)"); undefined for what is not a section. */
export function sectionLabel(target: string): string | undefined {
  return (SECTION_LABEL as Readonly<Record<string, string>>)[target];
}

const KIND: Readonly<Record<DocKind, string>> = { INV: 'invoice', C: 'credit note', D: 'debit note', AR: 'advance received', AA: 'advance adjusted' };
const s = (v: unknown) => (v === undefined ? '' : String(v));

function place(p: Params): string {
  if (p.sez) return `you are an SEZ unit: every supply is inter-State`;
  return p.pos === p.state ? `intra-State (POS ${s(p.pos)} is your state)` : `inter-State (POS ${s(p.pos)}, your state ${s(p.state)})`;
}

/** What an amendment amends: `INV/1 of 2025-09-09`, or the month of a summary (`September 2025`, in the financial year's calendar year). */
function amended(p: Params): string {
  if (p.amendsMonth === undefined) return `${s(p.amendsNumber)} of ${s(p.amendsDate)}`;
  const month = Number(p.amendsMonth);
  const fy = Number(p.amendsFy);
  const name = MONTHS[month - 1]!;
  return `${name[0]}${name.slice(1).toLowerCase()} ${month >= 4 ? fy : fy + 1}`;
}

/** The reason in words. */
export function reasonText(reason: ReasonCode, p: Params = {}): string {
  switch (reason) {
    case 'cancelled':
      return 'marked cancelled: counted only in Table 13 (documents issued)';
    case 'eco-9-5':
      return `supplied through e-commerce operator ${s(p.etin)}, who pays the tax u/s 9(5): Table 14 only`;
    case 'export':
      return `export (${p.expType === 'WOPAY' ? 'without payment, under bond/LUT' : 'with payment of IGST'})`;
    case 'note-export':
      return `note on an export: UR type ${s(p.urType)}`;
    case 'nil':
      return `${s(p.category) === 'nongst' ? 'non-GST' : s(p.category)} supply: "${s(p.description)}"`;
    case 'note-registered':
      return `note to a registered recipient (${s(p.id)} ${s(p.ctin)})`;
    case 'note-b2cl-invoice':
      return `note to an unregistered recipient, ${place(p)}, against B2CL invoice ${s(p.original)}`;
    case 'note-b2cs-invoice':
      return `note to an unregistered recipient against B2CS invoice ${s(p.original)}: netted in b2cs`;
    case 'note-b2cl-value':
      return `note to an unregistered recipient, ${place(p)}, note value ${s(p.value)} above the B2CL limit ${s(p.limit)} (${s(p.period)})`;
    case 'note-b2cs-intra':
      return `note to an unregistered recipient, ${place(p)}: netted in b2cs`;
    case 'note-b2cs-value':
      return `note to an unregistered recipient, note value ${s(p.value)} not above the B2CL limit ${s(p.limit)}: netted in b2cs`;
    case 'registered':
      return `registered recipient (${s(p.id)} ${s(p.ctin)}), invoice type ${s(p.invType)}`;
    case 'b2cl':
      return `unregistered recipient, ${place(p)}, invoice value ${s(p.value)} is above the B2CL limit ${s(p.limit)} for ${s(p.period)}`;
    case 'b2cs-intra':
      return `unregistered recipient, ${place(p)}`;
    case 'b2cs-value':
      return `unregistered recipient, ${place(p)}, invoice value ${s(p.value)} is not above the B2CL limit ${s(p.limit)} for ${s(p.period)}`;
    case 'advance-received':
      return `advance received (receipt voucher), ${place(p)}: Table 11A, summed per place of supply and rate`;
    case 'advance-adjusted':
      return `advance adjusted against an invoice, ${place(p)}: Table 11B, summed per place of supply and rate`;
    case 'table15':
      return `supplied through you by ${p.supplier ? `supplier ${s(p.supplier)}` : 'an unregistered supplier'} to ${p.ctin ? `registered recipient ${s(p.ctin)}` : 'an unregistered recipient'}; you pay the tax u/s 9(5) as the operator: Table 15 ${s(p.part)}`;
    case 'amendment':
      return `original ${amended(p)} given → amendment (${s(p.section)}) of: ${reasonText(p.of as ReasonCode, p)}; not in Tables 12-14 of this period`;
  }
}

export function noteText(n: RowNote): string {
  const p = n.params ?? {};
  switch (n.code) {
    case 'continues':
      return `continues the document of row ${s(p.row)}`;
    case 'rate-amounts':
      return `rate ${s(p.rate)} % worked out from the tax amounts`;
    case 'rate-rates':
      return `rate ${s(p.rate)} % from the IGST/CGST/SGST rate columns`;
    case 'rate-category':
      return 'rate 0 (no tax on this line)';
    case 'rate-blank':
      return 'rate 0: the tax amounts are blank';
    case 'pos-recipient':
      return `place of supply ${s(p.pos)} taken from the recipient's GSTIN`;
    case 'pos-supplier':
      return `place of supply ${s(p.pos)} assumed to be your own state`;
    case 'eco-52':
      return `also in Table 14 (operator ${s(p.etin)} collects TCS u/s 52)`;
    case 'no-hsn':
      return 'left out of the HSN summary (no HSN/SAC)';
    case 'paid-by-tax':
      return 'the register does not say with or without payment of tax, and the document carries tax';
    case 'unpaid-by-tax':
      return 'the register does not say with or without payment of tax, and the document carries none';
    case 'sign-read':
      return "a return's negative amounts read as the credit note's";
  }
}

/** One `--explain` line: where, which document, which section, why. */
export function explainLine(e: RowExplanation): string {
  const where = `${e.file} › ${e.sheet} › row ${e.row}`;
  const doc = e.document ? `${e.kind ? KIND[e.kind] : 'document'} ${e.document}` : '';
  if (e.target === 'rejected') return `${where}  ${doc}  → not classified (see the findings for this row)`;
  if (e.target === 'not-issued') {
    return `${where}  ${doc}  → left out: not issued (status "${s(e.params?.status)}"), in no table of the return; its number is not counted in Table 13`;
  }
  const why = e.reason ? reasonText(e.reason, e.params) : '';
  const notes = e.notes.map(noteText);
  return `${where}  ${doc}  → ${e.target}: ${[why, ...notes].filter(Boolean).join('; ')}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** Row numbers by `file › sheet`, in the order read. */
function bySheet(rows: readonly { file: string; sheet: string; row: number }[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.file} › ${r.sheet}`;
    const list = m.get(k);
    if (list) list.push(r.row);
    else m.set(k, [r.row]);
  }
  return m;
}

/** `Voucher Date` (Document Date, read from "Date"). */
function secondText(s: SheetRead['seconds'][number]): string {
  return s.field && s.read ? `${s.header} (${s.field}, read from "${s.read}")` : `${s.header} (its fields are read from other columns)`;
}

/**
 * What a register sheet held in columns that were not read, as lines: the columns its layout knows
 * carry nothing the return needs, and second columns of a field read from another (the command
 * line's summary and the page both say them).
 */
export function columnsNotReadLines(r: SheetRead): string[] {
  return [
    ...(r.unread.length ? [`columns not read (known to this layout, not needed for the return): ${r.unread.join(', ')}`] : []),
    ...(r.seconds.length ? [`columns not read (a second column of a field already read): ${r.seconds.map(secondText).join('; ')}`] : []),
  ];
}

/** The first numbers of a list of `count`: "S/002, S/004, ..." */
function listed(numbers: readonly string[], count: number): string {
  return `${numbers.join(', ')}${count > numbers.length ? ', ...' : ''}`;
}

const LEFT_OUT_KIND: Readonly<Record<number, readonly [string, string]>> = {
  1: ['invoice', 'invoices'], 4: ['debit note', 'debit notes'], 5: ['credit note', 'credit notes'], 6: ['receipt voucher', 'receipt vouchers'],
};

/** A series' total, with the numbers of its range it leaves out: "2 (3 numbers less 1 credit note: S/002)". */
function totalText(x: SeriesInfo): string {
  if (!x.leftOut.length) return String(x.totnum);
  const range = x.totnum + x.leftOut.reduce((n, l) => n + l.count, 0);
  const parts = x.leftOut.map((l) => {
    const what = l.by === 'not-issued' ? 'not issued' : LEFT_OUT_KIND[l.by]![l.count === 1 ? 0 : 1];
    return `${l.count} ${what}: ${listed(l.numbers, l.count)}`;
  });
  return `${x.totnum} (${range} numbers less ${parts.join('; ')})`;
}

/** The classification summary printed after a register is read. */
export function formatRegisterSummary(sum: RegisterSummary): string {
  const out: string[] = [];
  for (const r of sum.sheets) {
    out.push(
      `Register ${r.file} › ${r.sheet}: ${r.layout}, headers on row ${r.headerRow}` +
        (r.passes === 2 ? '; read twice (no invoice-value column: each document is totalled first)' : ''),
    );
    for (const line of columnsNotReadLines(r)) out.push(`  ${line}`);
  }
  const rows = [['section', 'rows', 'documents', 'taxable value']];
  for (const t of SECTION_ORDER) {
    const c = sum.sections.get(t);
    if (!c) continue;
    rows.push([SECTION_LABEL[t], String(c.rows), String(c.documents), t === 'cancelled' ? '' : formatPaise(c.taxable)]);
  }
  if (sum.notIssued.rows) rows.push(['not issued (left out, warnings)', String(sum.notIssued.rows), String(sum.notIssued.documents), '']);
  if (sum.rejected) rows.push(['not classified (errors)', String(sum.rejected), '', '']);
  rows.push(['total', String(sum.rows), '', '']);
  out.push(table(rows));
  out.push(...skippedRowsLines(sum));
  const derived: string[] = [];
  const h = sum.hsnLines;
  if (h.all) derived.push(`HSN summary (12): ${h.all} lines${h.b2b || h.b2c ? ` (B2B ${h.b2b}, B2C ${h.b2c})` : ''}`);
  if (sum.ecoRecords) derived.push(`supplies through e-commerce operators (14): ${sum.ecoRecords} operator lines`);
  if (derived.length) out.push('', ...derived);
  if (sum.series.length) {
    out.push('', `${SERIES_TITLE}:`, table(documentSeriesRows(sum.series)));
    const note = seriesLeftOutNote(sum.series);
    if (note) out.push(note);
  }
  return out.join('\n');
}

/** Rows skipped as no document: totals lines under the data, and rows with data only in columns not read. */
export function skippedRowsLines(sum: Pick<RegisterSummary, 'totalsSkipped' | 'unreadRows'>): string[] {
  const out = sum.totalsSkipped.map((t) => `Skipped the totals line ${t.file} › ${t.sheet} › row ${t.row} ("${t.label}"): not a document`);
  for (const [where, rows] of bySheet(sum.unreadRows)) {
    const listed = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', ...' : '');
    out.push(`Skipped ${rows.length} row${rows.length === 1 ? '' : 's'} of ${where} with data only in columns not read (row${rows.length === 1 ? '' : 's'} ${listed}): not documents`);
  }
  return out;
}

/** The heading of the documents-issued series derived from a register (Table 13). */
export const SERIES_TITLE = 'Documents issued (13), series found';

/**
 * The document series found in a register as Table 13 takes them, a header row first: nature,
 * first and last number, total, cancelled (rows marked cancelled, and numbers missing from the
 * register, the first few named) and documents in the register. The command line prints it as a
 * text table, the page as an HTML one.
 */
export function documentSeriesRows(series: readonly SeriesInfo[]): string[][] {
  const rows = [['nature', 'from', 'to', 'total', 'cancelled', 'in register']];
  for (const x of series) {
    const cancelled = x.cancel === 0
      ? '0'
      : `${x.cancel} (${[x.markedCancelled ? `${x.markedCancelled} marked` : '', x.gaps ? `${x.gaps} missing${x.missing.length ? `: ${listed(x.missing, x.gaps)}` : ''}` : ''].filter(Boolean).join(', ')})`;
    rows.push([DOC_NATURES[x.nature - 1]!, x.from, x.to, totalText(x), cancelled, String(x.documents)]);
  }
  return rows;
}

/** Why a series' total leaves numbers of its range out, when one does (said under the table). */
export function seriesLeftOutNote(series: readonly SeriesInfo[]): string | undefined {
  return series.some((x) => x.leftOut.length)
    ? 'A number of a series held by another kind of document (a credit note numbered among the invoices) or by a document not issued is not counted in its total, nor as cancelled.'
    : undefined;
}
