/**
 * Reading a sales register as a return: every row is read, classified and handed on as a row of
 * its template sheet, one at a time, so the same mappers, validators, annotated workbook and
 * upload serve a register as they serve the template. Kept across rows: each document's section
 * (one document, one section), unregistered invoices' class (for their notes), the document
 * series, the HSN and Table 14 groups — and, when the register has no invoice-value column,
 * each document's total from a first pass over the sheet. The derived tables are handed on after
 * the last register row.
 */
import { hsnSplit, ratesFor } from '../model/dated-rules.js';
import type { Finding } from '../model/finding.js';
import { NON_DATA_SHEETS, normaliseSheetName, sheetByName, type SheetId } from '../model/sheets.js';
import type { ReturnContext } from '../model/return.js';
import { readCsv } from '../parsers/csv.js';
import { baseName, extName } from '../parsers/file-names.js';
import { host } from '../parsers/host/source.js';
import { detectFile } from '../parsers/detect.js';
import { specBySignature } from '../parsers/headers.js';
import { cellText, isBlank, type RawRow, type RawSheet } from '../parsers/raw.js';
import { readRows, type ParsedRow, type ReadOptions } from '../parsers/rows.js';
import { holdsOnlyUnread, unreadRowFinding } from '../parsers/unread-row.js';
import { readXlsx, xlsxSheetNames } from '../parsers/xlsx.js';
import { classify, classifyContext, isRefusal, type ClassifyContext, type Decision, type Target, type TargetSheet } from './classify.js';
import { cellFinding } from './coerce.js';
import { DocumentSeries, EcoSupplies, HsnSummary, type RowSources } from './derive.js';
import { lineTaxFindings } from './line-tax.js';
import { DocumentValues } from './doc-value.js';
import { REGISTER_FIELDS, registerFieldSpec, REQUIRED_FIELDS } from './fields.js';
import type { RegisterLayout } from './layouts.js';
import { LineReader, docKey, type RegisterLine } from './line.js';
import { bestLayout, candidatesFor, closestLayout, fieldsNear, headerCells, type LayoutMatch } from './match.js';
import { firstRows } from './peek.js';
import { ContextCache, templateValues } from './rows.js';
import { RegisterSummary, type RowExplanation, type RowNote, type SheetRead } from './summary.js';
import { UnreadColumns } from './unread.js';
import { DocumentHold, blankTaxJudge, type DocumentJudge, type SheetEntry } from './blank-tax.js';
import { exportPaymentJudge, paidByTax } from './export-payment.js';

const HEADER_SCAN_ROWS = 10;
/** "Total", "Grand Total:", and ERPNext's "'Total'" (its exports quote the label) */
const TOTAL_ROW = /^\s*['"\u2018\u2019\u201c\u201d]?\s*(grand\s+)?(sub\s*-?\s*)?totals?\s*:?\s*['"\u2018\u2019\u201c\u201d]?\s*$/i;
const NEEDS_VALUE: ReadonlySet<Target> = new Set([
  'b2b', 'b2cl', 'cdnr', 'cdnur', 'exp', 'b2ba', 'b2cla', 'cdnra', 'cdnura', 'expa', 'ecob2b', 'ecourp2b', 'ecoab2b', 'ecoaurp2b',
]);

const B2C_CLASS: Partial<Record<Target, 'b2cl' | 'b2cs'>> = { b2cl: 'b2cl', b2cla: 'b2cl', b2cs: 'b2cs', b2csa: 'b2cs' };

export type LayoutMode = 'auto' | 'register' | 'template';

export interface RegisterRunOptions {
  readonly ctx: ReturnContext;
  /** layouts a register sheet may follow: a mapping file's, or the built-in presets */
  readonly layouts: readonly RegisterLayout[];
  /** `register`: every file is a register; `auto`: files whose sheets match a register layout */
  readonly mode: LayoutMode;
  /** called with each row's classification, in order */
  readonly onExplain?: (e: RowExplanation) => void;
}

interface HeaderFound {
  readonly match: LayoutMatch;
  readonly headerRow: number;
  /** 0-based indexes of the columns read (the fields' columns) */
  readonly read: readonly number[];
}

/** A header found, and the columns named by a finding at it (a misspelt field name). */
type ReportedHeader = HeaderFound & { readonly reported: ReadonlySet<number> };

interface HeaderScan {
  readonly found?: HeaderFound;
  /** no header found: the row that came closest, for the report */
  readonly closest?: { readonly match: LayoutMatch; readonly row: RawRow };
}

type FileKind = 'xlsx' | 'csv';

function openSheets(file: string, kind: FileKind): AsyncGenerator<RawSheet> {
  return kind === 'xlsx' ? readXlsx(file) : readCsv(file);
}

function isTemplateSheetName(name: string): boolean {
  const n = normaliseSheetName(name);
  return Boolean(sheetByName(name)) || NON_DATA_SHEETS.includes(n) || n.startsWith('help');
}

/**
 * Which of `files` are sales registers. `register`: all. `auto`: a CSV whose name is not a
 * template sheet's and whose header row matches a register layout; an .xlsx with a sheet, not
 * named as a template sheet, whose header row matches a register layout (workbooks whose sheets
 * all carry template names are not opened).
 */
export async function findRegisterFiles(files: readonly string[], layouts: readonly RegisterLayout[], mode: LayoutMode): Promise<Set<string>> {
  const out = new Set<string>();
  if (mode === 'template') return out;
  // a mapping that names its sheet or header row is found only there, where the run reads it (wanted, findHeader)
  const only = layouts.find((l) => l.sheet)?.sheet;
  const fixed = layouts.find((l) => l.headerRow)?.headerRow;
  const hasHeader = (rows: readonly RawRow[]) => rows.some((r) => (fixed === undefined || r.row === fixed) && isRegisterHeader(r, layouts));
  for (const file of files) {
    if (mode === 'register') {
      out.add(host().resolve(file));
      continue;
    }
    let kind: FileKind;
    try {
      kind = await detectFile(file);
    } catch {
      continue; // the template reader reports it
    }
    if (kind === 'csv') {
      if (sheetByName(baseName(file, extName(file)))) continue;
      for await (const sheet of readCsv(file)) {
        if (hasHeader(await firstRows(sheet, HEADER_SCAN_ROWS))) out.add(host().resolve(file));
      }
      continue;
    }
    // only the first rows of sheets not named as template sheets are read: a workbook is read in full once, later
    try {
      const names = await xlsxSheetNames(file);
      if (names.every((s) => isTemplateSheetName(s.name))) continue;
      for await (const sheet of readXlsx(file)) {
        if (isTemplateSheetName(sheet.name) || (only !== undefined && normaliseSheetName(only) !== normaliseSheetName(sheet.name))) continue;
        if (hasHeader(await firstRows(sheet, HEADER_SCAN_ROWS))) {
          out.add(host().resolve(file));
          break;
        }
      }
    } catch {
      continue; // unreadable: the template reader reports it
    }
  }
  return out;
}

/** A register header row, and not (also) a complete template header row. */
function isRegisterHeader(r: RawRow, layouts: readonly RegisterLayout[]): boolean {
  const m = bestLayout(layouts, r.cells);
  if (!m) return false;
  const t = specBySignature(r.cells);
  return !(t && t.match.missing.length === 0 && t.match.matched >= m.matched);
}

/** One read of a return whose files are (some of them) sales registers. */
export class RegisterRun {
  readonly summary = new RegisterSummary();
  private readonly cctx: ClassifyContext;
  private readonly rates: number[];
  private readonly docs = new DocumentSeries();
  private readonly hsn: HsnSummary;
  private readonly eco = new EcoSupplies();
  /** document key → its section (one document, one section) */
  private readonly docSection = new Map<string, Target>();
  /** unregistered inter-State invoices: number (lower case) → b2cl / b2cs, for their notes */
  private readonly invoiceClass = new Map<string, 'b2cl' | 'b2cs'>();
  /** first register file and its kind: derived tables are located there */
  private home: { file: string; kind: FileKind } | undefined;
  private hsnMissingColumn = false;
  private read = 0;
  /** the return's findings (for the derived tables' findings) */
  private sink: { push(f: Finding): void } | undefined;

  constructor(
    readonly files: readonly string[],
    readonly registerFiles: ReadonlySet<string>,
    private readonly o: RegisterRunOptions,
  ) {
    this.cctx = classifyContext(o.ctx);
    this.rates = ratesFor(o.ctx.period);
    this.hsn = new HsnSummary(hsnSplit(o.ctx.period), o.ctx.period);
  }

  /** The row source for `processReturn` (its `rows` option). */
  readonly rows = (opts: ReadOptions): AsyncIterable<ParsedRow> => this.all(opts);

  private async *all(opts: ReadOptions): AsyncGenerator<ParsedRow> {
    const contexts = new ContextCache(opts.stats);
    this.sink = opts.findings;
    for (const file of this.files) {
      if (this.registerFiles.has(host().resolve(file))) yield* this.registerFile(file, opts, contexts);
      else yield* readRows([file], opts);
    }
    yield* this.derived(contexts);
  }

  // ---------------------------------------------------------------------------- one file

  private async *registerFile(file: string, opts: ReadOptions, contexts: ContextCache): AsyncGenerator<ParsedRow> {
    const kind = await detectFile(file, opts.maxUnzippedBytes ? { maxUnzippedBytes: opts.maxUnzippedBytes } : {});
    this.home ??= { file, kind };
    const pending: { index: number; sheet: string; found: ReportedHeader; totals: Map<string, number> }[] = [];
    let matched = 0;
    let closest: { sheet: string; match: LayoutMatch; row: RawRow } | undefined;
    let index = -1;
    for await (const sheet of openSheets(file, kind)) {
      index++;
      const it = sheet.rows[Symbol.asyncIterator]();
      const sheetName = sheet.name;
      if (!this.wanted(file, kind, sheet, opts)) {
        await drain(it);
        continue;
      }
      const head = await this.findHeader(it);
      if (head.closest && (!closest || score(head.closest.match) > score(closest.match))) {
        closest = { sheet: sheetName, ...head.closest };
      }
      if (!head.found) {
        await drain(it);
        continue;
      }
      matched++;
      const found = { ...head.found, reported: this.reportColumns(file, sheetName, head.found, opts) };
      if (found.match.columns.val) {
        const read = this.noteSheet(file, sheetName, found, 1);
        yield* this.classifySheet(file, kind, read, found, it, undefined, opts, contexts);
      } else {
        pending.push({ index, sheet: sheetName, found, totals: await this.totalSheet(file, sheetName, found, it) });
      }
    }
    if (matched === 0) {
      this.reportNoHeader(file, closest, opts);
      return;
    }
    if (pending.length === 0) return;
    index = -1;
    for await (const sheet of openSheets(file, kind)) {
      index++;
      const it = sheet.rows[Symbol.asyncIterator]();
      const p = pending.find((x) => x.index === index);
      if (!p) {
        await drain(it);
        continue;
      }
      // skip to the header row found in the first pass
      for (;;) {
        const r = await it.next();
        if (r.done || r.value.row >= p.found.headerRow) break;
      }
      const read = this.noteSheet(file, p.sheet, p.found, 2);
      yield* this.classifySheet(file, kind, read, p.found, it, p.totals, opts, contexts);
    }
  }

  /** Sheets read as register sheets: not template, help or hidden sheets; the mapping's sheet when it names one. */
  private wanted(file: string, kind: FileKind, sheet: RawSheet, opts: ReadOptions): boolean {
    if (kind === 'csv') return true;
    const only = this.o.layouts.find((l) => l.sheet)?.sheet;
    if (only) return normaliseSheetName(only) === normaliseSheetName(sheet.name);
    if (sheet.hidden) return false;
    const n = normaliseSheetName(sheet.name);
    if (NON_DATA_SHEETS.includes(n) || n.startsWith('help')) return false;
    if (sheetByName(sheet.name)) {
      opts.findings.push({ code: 'REGISTER_TEMPLATE_SHEET', severity: 'warning', file, sheet: sheet.name });
      return false;
    }
    return true;
  }

  /** Reads rows up to the header (within the first 10 non-blank rows, or the mapping's header row). */
  private async findHeader(it: AsyncIterator<RawRow>): Promise<HeaderScan> {
    const fixed = this.o.layouts.find((l) => l.headerRow)?.headerRow;
    let scanned = 0;
    let closest: HeaderScan['closest'];
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const raw = r.value;
      if (fixed !== undefined && raw.row < fixed) continue;
      if (raw.cells.every(isBlank)) {
        if (fixed !== undefined) break;
        continue;
      }
      scanned++;
      const m = bestLayout(this.o.layouts, raw.cells);
      if (m) return { found: { match: m, headerRow: raw.row, read: Object.values(m.columns).map((c) => c.col - 1) } };
      const c = closestLayout(this.o.layouts, raw.cells);
      if (c && (!closest || score(c) > score(closest.match))) closest = { match: c, row: raw };
      if (fixed !== undefined || scanned >= HEADER_SCAN_ROWS) break;
    }
    return closest ? { closest } : {};
  }

  private reportNoHeader(file: string, closest: { sheet: string; match: LayoutMatch; row: RawRow } | undefined, opts: ReadOptions) {
    if (!closest) {
      opts.findings.push({
        code: 'REGISTER_HEADER_NOT_FOUND', severity: 'error', file,
        params: { layouts: this.o.layouts.map((l) => l.name).join('; '), missing: REQUIRED_FIELDS.map((f) => registerFieldSpec(f).label).join(', ') },
      });
      return;
    }
    const { match, row, sheet } = closest;
    const headers = headerCells(row.cells);
    const missing = match.missing.length ? match.missing : REQUIRED_FIELDS;
    const parts = missing.map((f) => {
      const near = candidatesFor(f, headers, this.o.layouts, 3, true).map((h) => `"${h.header}"`);
      return `${registerFieldSpec(f).label}${near.length ? ` (nearest: ${near.join(', ')})` : ''}`;
    });
    opts.findings.push({
      code: 'REGISTER_HEADER_NOT_FOUND', severity: 'error', file, sheet, row: row.row,
      params: { layout: match.layout.name, layouts: this.o.layouts.map((l) => l.name).join('; '), missing: parts.join('; ') },
    });
  }

  /**
   * Columns of the header row that were not read: a mapping's header that is not there, or (with
   * a preset) a header that looks like a misspelt field name — each with the nearest candidates.
   * The columns named are returned; other unread columns are reported once read (unread.ts).
   */
  private reportColumns(file: string, sheet: string, found: HeaderFound, opts: ReadOptions): Set<number> {
    const { match, headerRow } = found;
    const reported = new Set<number>();
    const layout = match.layout;
    if (layout.id === 'mapping') {
      const headers = [...match.unknown];
      for (const field of REGISTER_FIELDS) {
        const names = layout.columns[field];
        if (!names || match.columns[field]) continue;
        const near = candidatesFor(field, headers, [layout], 3, true).map((h) => `"${h.header}"`);
        opts.findings.push({
          code: 'REGISTER_MAPPING_COLUMN_ABSENT', severity: 'warning', file, sheet, row: headerRow,
          params: { field, expected: names.join('" or "'), nearest: near.join(', ') },
        });
      }
      return reported;
    }
    for (const u of match.unknown) {
      const near = fieldsNear(u.header, this.o.layouts, 3).filter((f) => !match.columns[f]);
      if (near.length === 0) continue;
      reported.add(u.col);
      opts.findings.push({
        code: 'REGISTER_COLUMN_UNKNOWN', severity: 'warning', file, sheet, row: headerRow, column: u.header, col: u.col,
        params: { found: u.header, candidates: near.map((f) => `${f} ("${registerFieldSpec(f).label}")`).join(', ') },
      });
    }
    return reported;
  }

  private noteSheet(file: string, sheet: string, found: HeaderFound, passes: 1 | 2): SheetRead {
    const read: SheetRead = { file, sheet, layout: found.match.layout.name, headerRow: found.headerRow, passes, unread: [], seconds: [] };
    this.summary.sheets.push(read);
    if (!found.match.columns.hsn) this.hsnMissingColumn = true;
    return read;
  }

  /** First pass: every document's value, as its items will carry it (see doc-value.ts). */
  private async totalSheet(file: string, sheet: string, found: HeaderFound, it: AsyncIterator<RawRow>): Promise<Map<string, number>> {
    const totals = new DocumentValues(this.o.ctx);
    const quiet = { push: () => undefined };
    const reader = new LineReader({ match: found.match, ctx: this.o.ctx, file, sheet, rates: this.rates, sink: quiet });
    // documents are judged as the second pass judges them, so that their values agree
    const hold = documentHold(reader, { file, sheet, columns: found.match.columns }, quiet);
    const add = (entries: readonly SheetEntry[]) => {
      for (const { line } of entries) if (line && !line.cancelled && line.notIssued === undefined) totals.add(docKey(line.kind, line.docNum), line);
    };
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      if (skipRow(r.value, found)) continue;
      const line = reader.read(r.value);
      const e: SheetEntry = line ? { raw: r.value, line } : { raw: r.value };
      add(hold ? hold.push(e) : [e]);
    }
    if (hold) add(hold.end());
    return totals.values();
  }

  // ---------------------------------------------------------------------------- classifying

  private async *classifySheet(
    file: string, kind: FileKind, read: SheetRead, found: ReportedHeader, it: AsyncIterator<RawRow>,
    totals: Map<string, number> | undefined, opts: ReadOptions, contexts: ContextCache,
  ): AsyncGenerator<ParsedRow> {
    const { match, headerRow } = found;
    const sheet = read.sheet;
    const cols = match.columns;
    const sink = opts.findings;
    const reader = new LineReader({ match, ctx: this.o.ctx, file, sheet, rates: this.rates, sink });
    const explain = this.o.onExplain;
    const unread = new UnreadColumns(match, found.reported, { file, sheet, headerRow }, sink, this.o.ctx.gstin);
    const entry = (raw: RawRow): SheetEntry => {
      const skip = skipRow(raw, found);
      if (skip === true || skip === 'total') return { raw, skip };
      // a row with data only in columns not read still counts for them: a figure in a second "Taxable Value" is an error
      unread.see(raw);
      if (skip === 'unread') {
        sink.push(unreadRowFinding({ file, sheet, row: raw.row }, raw.cells, found.read, headersOf(match)));
        return { raw, skip };
      }
      const line = reader.read(raw);
      return line ? { raw, line } : { raw };
    };
    const hold = documentHold(reader, { file, sheet, columns: cols }, sink);
    for (let done = false; !done;) {
      const r = await it.next();
      done = r.done === true;
      const batch = r.done ? (hold?.end() ?? []) : hold ? hold.push(entry(r.value)) : [entry(r.value)];
      for (const { raw, skip, line, refused } of batch) {
        if (skip === 'total') this.summary.totalsSkipped.push({ file, sheet, row: raw.row, label: cellText(raw.cells.find((c) => !isBlank(c))) });
        if (skip === 'unread') this.summary.unreadRows.push({ file, sheet, row: raw.row });
        if (skip) continue;
        this.summary.rows++;
        if (++this.read % 5000 === 0) opts.onProgress?.(this.read, file);
        const place = { file, sheet, row: raw.row };
        const reject = (document?: string) => {
          this.summary.rejected++;
          explain?.({ file, sheet, row: raw.row, ...(document ? { document } : {}), target: 'rejected', notes: [] });
        };
        if (!line) {
          reject(refused ?? (cellText(cols.docNum ? raw.cells[cols.docNum.col - 1] : undefined) || undefined));
          continue;
        }
        const key = docKey(line.kind, line.docNum);
        if (line.notIssued !== undefined) {
          // never issued (a draft): in no table, its number no gap in Table 13; the warning accounts for the row
          this.docs.notIssued(line.docNum);
          const status = cols.cancelled ? raw.cells[cols.cancelled.col - 1] : undefined;
          sink.push({ ...cellFinding('REGISTER_NOT_ISSUED', 'warning', place, cols.cancelled, status), params: { document: line.docNum, status: line.notIssued } });
          this.summary.leftOut(key);
          explain?.({ file, sheet, row: raw.row, document: line.docNum, kind: line.kind, target: 'not-issued', params: { status: line.notIssued }, notes: [] });
          continue;
        }
        const docValue = line.val ?? totals?.get(key);
        const original = line.kind !== 'INV' && line.origNum ? this.invoiceClass.get(line.origNum.toLowerCase()) : undefined;
        const d = classify(line, this.cctx, docValue, original);
        if (isRefusal(d)) {
          sink.push({ ...cellFinding(d.code, 'error', place, cols[d.field], raw.cells[(cols[d.field]?.col ?? 0) - 1]), ...(d.params ? { params: d.params } : {}) });
          reject(line.docNum);
          continue;
        }
        // Table 13 counts every document issued, cancelled ones too; not an amendment (counted when first
        // issued) nor an advance adjusted (adjusted in an invoice, no document of its own)
        const added = d.original || line.kind === 'AA' ? undefined : this.docs.add(line.kind, line.docNum, line.cancelled, place);
        if (added === 'cancel-mismatch') sink.push({ ...cellFinding('REGISTER_CANCEL_MISMATCH', 'warning', place, cols.cancelled ?? cols.docNum), params: { document: line.docNum } });

        // one document, one section (nil-rated lines of a taxable invoice go to Table 8 beside it)
        let newDoc = false;
        if (d.target !== 'exemp') {
          const sectionKey = d.original ? `${key}|amended` : key;
          const seen = this.docSection.get(sectionKey);
          if (seen === undefined) {
            this.docSection.set(sectionKey, d.target);
            newDoc = true;
          } else if (seen !== d.target) {
            sink.push({
              ...cellFinding('REGISTER_DOC_SPLIT', 'error', place, cols.ctin ?? cols.pos ?? cols.docNum),
              params: { document: line.docNum, first: seen, now: d.target },
            });
            reject(line.docNum);
            continue;
          }
        }
        if (NEEDS_VALUE.has(d.target) && docValue === undefined) {
          sink.push(cellFinding('CELL_REQUIRED', 'error', place, cols.val));
          reject(line.docNum);
          continue;
        }
        // a note against an inter-State B2C invoice follows it (an intra-State one is b2cs anyway),
        // the invoice as first reported or as amended
        const b2c = B2C_CLASS[d.target];
        if (line.kind === 'INV' && !d.registered && d.inter && b2c && newDoc) this.invoiceClass.set(line.docNum.toLowerCase(), b2c);

        const notes: RowNote[] = [];
        if (line.continues !== undefined) notes.push({ code: 'continues', params: { row: line.continues } });
        if (line.signRead) notes.push({ code: 'sign-read' });
        const paid = paidByTax(line);
        if (paid !== undefined) notes.push({ code: paid ? 'paid-by-tax' : 'unpaid-by-tax' });
        if (line.rateFrom === 'amounts') notes.push({ code: 'rate-amounts', params: { rate: line.rate } });
        else if (line.rateFrom === 'rates') notes.push({ code: 'rate-rates', params: { rate: line.rate } });
        else if (line.rateFrom === 'blank') notes.push({ code: 'rate-blank' });
        if (line.posFrom) notes.push({ code: line.posFrom === 'recipient' ? 'pos-recipient' : 'pos-supplier', params: { pos: line.pos } });
        this.derive(line, d, place, cols, sink, notes);
        const values = d.target === 'cancelled' || d.target === 'eco'
          ? undefined
          : templateValues(line, d as Decision & { target: TargetSheet }, docValue, this.o.ctx);
        for (const f of lineTaxFindings(line, d, place, cols, raw.cells, values)) sink.push(f);

        const netted = d.target === 'b2cs' || d.target === 'b2csa' || d.target === 'exemp';
        const taxable = d.target === 'cancelled' ? 0 : d.sign === -1 && netted ? -Math.abs(line.txval) : line.txval;
        this.summary.count(d.target, d.target === 'cancelled' ? added === 'new' : newDoc, taxable);
        explain?.({ file, sheet, row: raw.row, document: line.docNum, kind: line.kind, target: d.target, reason: d.reason, params: d.params, notes });
        if (!values) continue;

        const target = d.target as TargetSheet;
        const ctx = contexts.forRegister(file, sheet, kind, headerRow, target, cols);
        ctx.stats.read++;
        yield { ctx, row: raw.row, values, cells: raw.cells };
      }
    }
    for (const f of unread.findings()) sink.push(f);
    read.unread.push(...unread.ignored());
    read.seconds.push(...unread.seconds());
  }

  /** Adds a line to the HSN summary and Table 14. */
  private derive(
    line: RegisterLine, d: Decision, place: { file: string; sheet: string; row: number },
    cols: LayoutMatch['columns'], sink: { push(f: Finding): void }, notes: RowNote[],
  ) {
    if (d.eco) {
      this.eco.add(line, d, place);
      if (d.eco === 'clttx') notes.push({ code: 'eco-52', params: { etin: line.etin } });
    }
    if (!d.hsnTab || this.hsnMissingColumn) return;
    if (!line.hsn) {
      sink.push(cellFinding('REGISTER_HSN_MISSING', 'error', place, cols.hsn));
      notes.push({ code: 'no-hsn' });
      return;
    }
    let uqc = this.hsn.uqcOf(line);
    if (!uqc) {
      sink.push({ ...cellFinding('REGISTER_UQC_MISSING', 'warning', place, cols.uqc ?? cols.qty ?? cols.hsn), params: { hsn: line.hsn } });
      uqc = 'OTH';
    }
    this.hsn.add(line, d, uqc, place);
  }

  // ---------------------------------------------------------------------------- derived tables

  private *derived(contexts: ContextCache): Generator<ParsedRow> {
    if (!this.home) return;
    const { file, kind } = this.home;
    const emit = (target: SheetId, values: ParsedRow['values'], sources: RowSources): ParsedRow => contexts.derivedRow(file, kind, target, values, sources);
    if (this.hsnMissingColumn) {
      this.sink?.push({ code: 'REGISTER_NO_HSN', severity: 'warning', file });
    } else {
      const split = hsnSplit(this.o.ctx.period);
      for (const l of this.hsn.lines()) {
        const target: SheetId = split ? (l.tab === 'b2b' ? 'hsnb2b' : 'hsnb2c') : 'hsn';
        if (split) this.summary.hsnLines[l.tab]++;
        this.summary.hsnLines.all++;
        yield emit(target, l.values, l.sources);
      }
    }
    const series = this.docs.list();
    this.summary.series = series;
    for (const { values, sources } of this.docs.rows()) yield emit('docs', values, sources);
    for (const sr of series) {
      if (sr.gaps > 0 && sr.gaps > sr.documents) {
        this.sink?.push({
          code: 'REGISTER_SERIES_GAPS', severity: 'warning', file,
          params: { from: sr.from, to: sr.to, gaps: sr.gaps, documents: sr.documents },
        });
      }
    }
    for (const { values, sources } of this.eco.rows()) {
      this.summary.ecoRecords++;
      yield emit('eco', values, sources);
    }
  }

}

/** What is judged on a whole document, if anything: its lines are then held until it ends. */
function documentHold(reader: LineReader, where: { file: string; sheet: string; columns: LayoutMatch['columns'] }, sink: { push(f: Finding): void }): DocumentHold | undefined {
  const c = where.columns;
  const judges: DocumentJudge[] = [];
  // blank tax amounts: only where a value column can contradict them
  if (reader.taxGiven && !c.rate && c.val) judges.push(blankTaxJudge(where, sink));
  // an export or SEZ supply that does not say with or without payment: its tax decides
  if (c.invType) judges.push(exportPaymentJudge({ ...where, taxColumns: reader.taxGiven }, sink));
  return judges.length ? new DocumentHold(judges) : undefined;
}

function score(m: LayoutMatch): number {
  return m.matched * 10 + m.signature * 5 - m.missing.length * 100;
}

/**
 * Blank rows, a totals line under the data (`total`) and a row with data only in columns not read
 * (`unread`: a remark, a running total) are skipped; the last two are reported.
 */
function skipRow(raw: RawRow, found: HeaderFound): boolean | 'total' | 'unread' {
  if (raw.row <= found.headerRow) return true;
  if (raw.cells.every(isBlank)) return true;
  const first = raw.cells.find((c) => !isBlank(c));
  if (typeof first === 'string' && TOTAL_ROW.test(first)) {
    const num = found.match.columns.docNum;
    const cell = num ? raw.cells[num.col - 1] : undefined;
    if (isBlank(cell) || cell === first) return 'total';
  }
  if (holdsOnlyUnread(raw.cells, found.read)) return 'unread';
  return false;
}

/** The headers of the columns not read, by 1-based column, for naming them. */
const HEADERS = new WeakMap<LayoutMatch, ReadonlyMap<number, string>>();
function headersOf(m: LayoutMatch): ReadonlyMap<number, string> {
  let h = HEADERS.get(m);
  if (!h) HEADERS.set(m, (h = new Map([...m.unknown, ...m.ignored, ...m.duplicates.map((d) => d.second)].map((c) => [c.col, c.header]))));
  return h;
}

async function drain(it: AsyncIterator<RawRow>): Promise<void> {
  for (;;) if ((await it.next()).done) return;
}

