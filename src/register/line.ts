/**
 * From coerced cells to a register line: continuation lines inherit their document's details,
 * defaults are applied (invoice, reverse charge N, 100 %, taxable), the GST rate is taken from
 * the rate column, the IGST/CGST/SGST rate columns, or the tax amounts, and a blank place of
 * supply falls back to the recipient's GSTIN state (or the supplier's own state for an
 * unregistered recipient), with a warning.
 */
import { expectedTax, formatPaise } from '../model/money.js';
import { cellText, isBlank, type RawRow } from '../parsers/raw.js';
import type { ReturnContext } from '../model/return.js';
import { givesTax } from '../model/given-tax.js';
import { REGISTER_FIELD_SPECS, registerFieldSpec, type RegisterField } from './fields.js';
import { cellFinding, coerceRegisterRow, unitToUqc, type CellSink, type Category, type DocKind, type OriginalMonth, type RowValues } from './coerce.js';
import type { LayoutMatch } from './match.js';
import { ownAmounts, readAsNote, returnSigns } from './return-sign.js';

export interface RegisterLine {
  readonly row: number;
  readonly kind: DocKind;
  readonly docNum: string;
  readonly docDate?: string;
  readonly ctin?: string;
  readonly recipientName?: string;
  readonly pos?: string;
  /** the place of supply was blank and was taken from the recipient's GSTIN or the supplier's state */
  readonly posFrom?: 'recipient' | 'supplier';
  readonly rchrg: 'Y' | 'N';
  /** R, SEWP, SEWOP, DE, CBW; undefined when the register says nothing */
  readonly invType?: string;
  readonly expType?: 'WPAY' | 'WOPAY';
  readonly portCode?: string;
  readonly sbNum?: string;
  readonly sbDate?: string;
  readonly hsn?: string;
  readonly desc?: string;
  readonly uqc?: string;
  readonly qty?: string;
  readonly rate: number;
  /** how the rate was found when there was no rate column (`blank`: the tax amounts are blank, rate 0) */
  readonly rateFrom?: 'rates' | 'amounts' | 'category' | 'blank';
  readonly diffPercent: number;
  readonly txval: number;
  readonly iamt?: number;
  readonly camt?: number;
  readonly samt?: number;
  readonly csamt?: number;
  readonly val?: number;
  readonly category: Category;
  readonly etin?: string;
  readonly ecoLiability?: 'clttx' | 'paytx';
  readonly cancelled: boolean;
  /** never issued (a draft): its status as written ("Draft", "Pending Approval"); in no table of the return */
  readonly notIssued?: string;
  readonly origNum?: string;
  /** an amendment's original date (invoice or note) */
  readonly origDate?: string;
  /** an amended note's original number */
  readonly origNoteNum?: string;
  /** an amended summary's original month */
  readonly origMonth?: OriginalMonth;
  /** Table 15: the supplier who sold through the filer (an operator); 'URP' when unregistered */
  readonly stin?: string;
  readonly supplierName?: string;
  /** row of the line above whose document details this line inherited */
  readonly continues?: number;
  /**
   * an export or SEZ supply whose register does not say with or without payment of tax: read as
   * with payment until its document's tax decides (export-payment.ts)
   */
  readonly byTax?: true;
  /** a return exported with negative amounts (ERPNext): read as the note's positive amounts */
  readonly signRead?: true;
}

/** The key of a document: its kind and its number, without case. */
export function docKey(kind: DocKind, num: string): string {
  return `${kind}:${num.toLowerCase()}`;
}

const DOC_FIELDS: readonly RegisterField[] = REGISTER_FIELD_SPECS.filter((s) => s.level === 'document').map((s) => s.field);
const CANCELLED_PARTY = /^\(?\s*cancell?ed\s*\)?$/i;

/** The nearest listed rate whose tax is within Rs 1 (or 0.5 %) of the amounts given. */
export function rateFromAmounts(txval: number, tax: number, diffPercent: number, rates: readonly number[]): number | undefined {
  const base = Math.abs(txval);
  const t = Math.abs(tax);
  if (base === 0) return t === 0 ? 0 : undefined;
  let best: number | undefined;
  let bestD = Infinity;
  for (const r of rates) {
    const d = Math.abs(expectedTax(base, r, diffPercent) - t);
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return bestD <= Math.max(100, Math.round(t / 200)) ? best : undefined;
}

export interface LineReaderOptions {
  readonly match: LayoutMatch;
  readonly ctx: ReturnContext;
  readonly file: string;
  readonly sheet: string;
  /** GST rates of the period, to recognise a rate from the tax amounts */
  readonly rates: readonly number[];
  readonly sink: CellSink;
}

/** Reads the lines of one register sheet in order (it remembers the line above for continuations). */
export class LineReader {
  /**
   * the line above: its values, row, its document's status as written (for a draft's warning), and
   * the document-level fields its document gave in a cell that could not be read (a continuation
   * left blank there cannot take them from it)
   */
  private prev: { values: RowValues; row: number; status?: string; unread: readonly { field: RegisterField; row: number }[] } | undefined;
  private warnedNoPosColumn = false;
  /** values the layout's readers do not know, warned of once a sheet */
  private readonly unknownValues = new Set<string>();
  /** the last return warned of for its positive amounts (once a note) */
  private warnedPositive: string | undefined;
  /** tax amounts are in the register (else tax is computed from rate and taxable value) */
  readonly taxGiven: boolean;

  constructor(private readonly o: LineReaderOptions) {
    const c = o.match.columns;
    this.taxGiven = Boolean(c.iamt || c.camt || c.samt);
  }

  /** The line of a raw row, or undefined when it cannot be read (findings say why). */
  read(raw: RawRow): RegisterLine | undefined {
    const { match, file, sheet, sink, ctx } = this.o;
    const cols = match.columns;
    const place = { file, sheet, row: raw.row };
    const { values: v, bad } = coerceRegisterRow(raw.cells, cols, match.layout, place, sink, this.unknownValues);
    // Tally shows a cancelled voucher with "(cancelled)" as its party
    let cancelledParty = false;
    if (v.recipientName && CANCELLED_PARTY.test(v.recipientName)) {
      delete v.recipientName;
      cancelledParty = true;
    }
    // a layout whose returns are negative: which amounts the row fills itself, before it inherits any
    const own = match.layout.negativeReturns ? ownAmounts(v) : undefined;
    const prev = this.prev;
    let continues: number | undefined;
    if (v.docNum === undefined || v.docNum === '') {
      if (!prev || bad.has('docNum')) {
        if (!bad.has('docNum')) sink.push(cellFinding('CELL_REQUIRED', 'error', place, cols.docNum));
        this.prev = undefined;
        return undefined;
      }
      continues = prev.row;
    } else if (prev && prev.values.docNum!.toLowerCase() === v.docNum.toLowerCase() && (v.docType === undefined || v.docType === prev.values.docType)) {
      continues = prev.row;
    }
    // a document-level cell of the line above that could not be read, blank here: not inherited
    const unreadAbove = continues !== undefined ? prev!.unread.filter((u) => v[u.field] === undefined && !bad.has(u.field)) : [];
    if (continues !== undefined) inherit(v, prev!.values);
    if (cancelledParty) v.cancelled = 'cancelled';
    const statusCell = cols.cancelled ? raw.cells[cols.cancelled.col - 1] : undefined;
    const status = isBlank(statusCell) ? (continues !== undefined ? prev?.status : undefined) : cellText(statusCell).trim();
    this.prev = {
      values: v, row: raw.row, ...(status !== undefined ? { status } : {}),
      unread: [...DOC_FIELDS.filter((f) => bad.has(f)).map((field) => ({ field, row: raw.row })), ...unreadAbove],
    };
    if (bad.size > 0) return undefined;
    if (unreadAbove.length > 0) {
      // said here, not "required": the value is in the document's cell above (Tally's item lines
      // carry no voucher value), which has its own error
      const { field, row } = unreadAbove[0]!;
      sink.push({
        ...cellFinding('REGISTER_DOC_CELL_UNREAD', 'warning', place, cols[field]),
        params: { document: v.docNum!, field: cols[field]?.header ?? registerFieldSpec(field).label, at: row },
      });
      return undefined;
    }
    let signRead = false;
    if (own && v.docType === 'C') {
      const signs = returnSigns(v, own);
      if (signs.kind === 'mixed') {
        sink.push({
          ...cellFinding('REGISTER_RETURN_SIGNS', 'error', place, cols[signs.field], raw.cells[cols[signs.field]!.col - 1]),
          params: { document: v.docNum, first: cols[signs.first]!.header },
        });
        return undefined;
      }
      if (signs.kind === 'negative') {
        readAsNote(v, own);
        signRead = true;
      } else if (signs.kind === 'positive' && this.warnedPositive !== v.docNum) {
        this.warnedPositive = v.docNum;
        sink.push({
          ...cellFinding('REGISTER_RETURN_POSITIVE', 'warning', place, cols.txval ?? cols.val, cols.txval ? raw.cells[cols.txval.col - 1] : undefined),
          params: { document: v.docNum },
        });
      }
    }

    const cancelled = v.cancelled === 'cancelled';
    const notIssued = v.cancelled === 'not-issued';
    // a cancelled or never-issued document needs no amounts: it is in none of the return's supply tables
    const outside = cancelled || notIssued;
    let missing = false;
    for (const f of ['docDate', 'txval'] as const) {
      if (v[f] === undefined && !outside) {
        sink.push(cellFinding('CELL_REQUIRED', 'error', place, cols[f]));
        missing = true;
      }
    }
    if (missing) return undefined;

    const category: Category = v.category ?? v.invType?.category ?? 'taxable';
    const diffPercent = v.diffPercent ?? 100;
    const txval = v.txval ?? 0;
    const expType = v.expType ?? v.invType?.expType;
    const invType = v.invType?.invType;
    // an Export Type column that says WPAY or WOPAY leaves nothing to decide
    const byTax = v.invType?.byTax && !(v.invType.expType && v.expType);

    // the GST rate
    let rate = v.rate;
    let rateFrom: RegisterLine['rateFrom'];
    if (rate === undefined && (v.igstRate !== undefined || v.cgstRate !== undefined || v.sgstRate !== undefined)) {
      rate = v.igstRate ? v.igstRate : (v.cgstRate ?? 0) + (v.sgstRate ?? 0);
      rateFrom = 'rates';
    }
    if (rate === undefined && this.taxGiven && givesTax(v)) {
      const tax = (v.iamt ?? 0) + (v.camt ?? 0) + (v.samt ?? 0);
      rate = rateFromAmounts(txval, tax, diffPercent, this.o.rates);
      if (rate === undefined) {
        sink.push({
          ...cellFinding('REGISTER_RATE_UNKNOWN', 'error', place, cols.rate ?? cols.iamt ?? cols.camt ?? cols.txval),
          params: { reason: 'amounts', txval: formatPaise(txval), tax: formatPaise(tax) },
        });
        return undefined;
      }
      rateFrom = 'amounts';
    }
    if (rate === undefined && (category !== 'taxable' || outside)) {
      rate = 0;
      rateFrom = 'category';
    }
    if (rate === undefined && this.taxGiven && !cols.rate) {
      // tax columns exist but are blank on this line: rate 0, unless the document's value says
      // tax was charged (judged on the whole document, blank-tax.ts)
      rate = 0;
      rateFrom = 'blank';
    }
    if (rate === undefined) {
      sink.push({ ...cellFinding('REGISTER_RATE_UNKNOWN', 'error', place, cols.rate ?? cols.txval), params: { reason: 'missing' } });
      return undefined;
    }

    // place of supply: the recipient's state, else the supplier's own, when blank (never for exports)
    let pos = v.pos;
    let posFrom: RegisterLine['posFrom'];
    if (!pos && !expType && !outside) {
      const fromId = v.ctin && /^\d{2}/.test(v.ctin) && v.ctin.slice(0, 2) !== '99' ? v.ctin.slice(0, 2) : undefined;
      pos = fromId ?? ctx.supplierState;
      posFrom = fromId ? 'recipient' : 'supplier';
      if (!cols.pos) {
        // no column at all: said once for the sheet, not on every document
        if (!this.warnedNoPosColumn) {
          this.warnedNoPosColumn = true;
          sink.push({ code: 'REGISTER_POS_DEFAULTED', severity: 'warning', file, sheet, params: { basis: 'no-column' } });
        }
      } else if (continues === undefined) {
        sink.push({ ...cellFinding('REGISTER_POS_DEFAULTED', 'warning', place, cols.pos), params: { pos, basis: posFrom } });
      }
    }

    const uqc = v.uqc ?? (v.qty?.unit ? unitToUqc(v.qty.unit) : undefined);
    return {
      row: raw.row,
      kind: v.docType ?? 'INV',
      docNum: v.docNum!,
      ...(v.docDate ? { docDate: v.docDate } : {}),
      ...(v.ctin ? { ctin: v.ctin } : {}),
      ...(v.recipientName ? { recipientName: v.recipientName } : {}),
      ...(pos ? { pos } : {}),
      ...(posFrom ? { posFrom } : {}),
      rchrg: v.rchrg ?? 'N',
      ...(invType ? { invType } : {}),
      ...(expType ? { expType } : {}),
      ...(v.portCode ? { portCode: v.portCode } : {}),
      ...(v.sbNum ? { sbNum: v.sbNum } : {}),
      ...(v.sbDate ? { sbDate: v.sbDate } : {}),
      ...(v.hsn ? { hsn: v.hsn } : {}),
      ...(v.desc ? { desc: v.desc } : {}),
      ...(uqc ? { uqc } : {}),
      ...(v.qty ? { qty: v.qty.qty } : {}),
      rate,
      ...(rateFrom ? { rateFrom } : {}),
      diffPercent,
      txval,
      ...(v.iamt !== undefined ? { iamt: v.iamt } : {}),
      ...(v.camt !== undefined ? { camt: v.camt } : {}),
      ...(v.samt !== undefined ? { samt: v.samt } : {}),
      ...(v.csamt !== undefined ? { csamt: v.csamt } : {}),
      ...(v.val !== undefined ? { val: v.val } : {}),
      category,
      ...(v.etin ? { etin: v.etin } : {}),
      ...(v.ecoLiability ? { ecoLiability: v.ecoLiability } : {}),
      cancelled,
      ...(notIssued ? { notIssued: status ?? 'Draft' } : {}),
      ...(v.origNum ? { origNum: v.origNum } : {}),
      ...(v.origDate ? { origDate: v.origDate } : {}),
      ...(v.origNoteNum ? { origNoteNum: v.origNoteNum } : {}),
      ...(v.origMonth ? { origMonth: v.origMonth } : {}),
      ...(v.stin ? { stin: v.stin } : {}),
      ...(v.supplierName ? { supplierName: v.supplierName } : {}),
      ...(continues !== undefined ? { continues } : {}),
      ...(byTax ? { byTax: true as const } : {}),
      ...(signRead ? { signRead: true as const } : {}),
    };
  }
}

/** Blank document-level fields take the value of the document's line above. */
function inherit(v: RowValues, from: RowValues): void {
  const target = v as Record<string, unknown>;
  const source = from as Record<string, unknown>;
  for (const f of DOC_FIELDS) if (target[f] === undefined && source[f] !== undefined) target[f] = source[f];
}
