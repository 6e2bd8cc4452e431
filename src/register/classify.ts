/**
 * Which GSTR-1 section a register line belongs to, and why. Pure: the line, the document's value
 * and the return's context in, a decision out. The rules, in order:
 *
 * 1. cancelled document → reported only in Table 13 (documents issued) as cancelled;
 * 2. from the January 2024 period, a supply through an e-commerce operator liable to pay the tax
 *    u/s 9(5) → Table 14 (supeco, paytx) only: the supplier pays no tax on it;
 * 3. export (an export type, or an export invoice type) → exp; an export note → cdnur EXPWP/EXPWOP;
 * 4. nil-rated, exempted or non-GST line → Table 8 (nil), by inter/intra-State and
 *    registered/unregistered recipient (the four descriptions); notes reduce (credit) or add (debit);
 * 5. note to a registered recipient (GSTIN or UIN) → cdnr;
 *    note to an unregistered recipient: inter-State and either its original invoice (when the
 *    register names it and holds it) went to b2cl, or — original unknown — the note's own value is
 *    above the B2CL limit → cdnur B2CL; otherwise → b2cs, a credit note as a negative taxable value;
 * 6. invoice to a registered recipient (GSTIN or UIN; SEZ and deemed exports included) → b2b;
 *    invoice to an unregistered recipient: inter-State and value strictly above the period's B2CL
 *    limit (`b2clLimitPaise`) → b2cl, else b2cs.
 *
 * Before these, two kinds of row that are not supplies of the period's own documents:
 * - an advance received (receipt voucher) → at (11A), or adjusted → atadj (11B); with an original
 *   month or date → their amendments ata / atadja;
 * - a Table 15 supply: the filer is the e-commerce operator paying the tax u/s 9(5) on a supply by
 *   another supplier (a Supplier GSTIN is given, URP for an unregistered one; or the E-Commerce
 *   GSTIN is the filer's own with u/s 9(5)) → ecob2b / ecourp2b (registered recipient, by
 *   supplier registered or not) or ecob2c / ecourp2c (unregistered recipient).
 * After them, an amendment — an invoice with an original date (its original number: the Original
 * Invoice Number, or its own), a note with an original note number and date, a summary with an
 * original month — goes to the amendment table of the section its revised details decide: b2ba,
 * b2cla, b2csa, expa, cdnra, cdnura, ecoab2b, ecoaurp2b, ecoab2c, ecoaurp2c. Table 8 has no
 * amendment table: such a row is refused.
 *
 * Inter-State: the supplier is an SEZ unit, the invoice type always carries IGST (SEZ, CBW), or the
 * place of supply differs from the supplier's state. A line with an e-commerce operator's GSTIN
 * (u/s 52, from January 2024) is reported in its section and also summed into Table 14 (clttx).
 */
import { ECO_FROM, b2clLimitPaise } from '../model/dated-rules.js';
import type { Params } from '../model/finding.js';
import { isUin } from '../model/gstin.js';
import { NIL_SUPPLY_TYPES } from '../model/labels.js';
import { formatPaise } from '../model/money.js';
import { formatPeriod, periodKey } from '../model/period.js';
import type { SheetId } from '../model/sheets.js';
import { isInterState, type ReturnContext } from '../model/return.js';
import { monthOfIso, type OriginalMonth } from './coerce.js';
import type { RegisterLine } from './line.js';

/** Template sheets a register line can go to. */
export type TargetSheet = Extract<
  SheetId,
  | 'b2b' | 'b2cl' | 'b2cs' | 'cdnr' | 'cdnur' | 'exp' | 'exemp'
  | 'b2ba' | 'b2cla' | 'b2csa' | 'cdnra' | 'cdnura' | 'expa'
  | 'at' | 'ata' | 'atadj' | 'atadja'
  | 'ecob2b' | 'ecourp2b' | 'ecob2c' | 'ecourp2c' | 'ecoab2b' | 'ecoaurp2b' | 'ecoab2c' | 'ecoaurp2c'
>;

/** Where a line goes: a template sheet, Table 14 only (u/s 9(5)), or nowhere but Table 13 (cancelled). */
export type Target = TargetSheet | 'eco' | 'cancelled';

export type ReasonCode =
  | 'cancelled'
  | 'eco-9-5'
  | 'export'
  | 'note-export'
  | 'nil'
  | 'note-registered'
  | 'note-b2cl-invoice'
  | 'note-b2cl-value'
  | 'note-b2cs-intra'
  | 'note-b2cs-invoice'
  | 'note-b2cs-value'
  | 'registered'
  | 'b2cl'
  | 'b2cs-intra'
  | 'b2cs-value'
  | 'advance-received'
  | 'advance-adjusted'
  | 'table15'
  | 'amendment';

/** What an amendment row names of the document or summary it amends. */
export interface Original {
  readonly num?: string;
  readonly date?: string;
  readonly month?: OriginalMonth;
}

export interface Decision {
  readonly target: Target;
  readonly reason: ReasonCode;
  readonly params: Params;
  readonly registered: boolean;
  readonly inter: boolean;
  /** the line carries no tax: SEZ or export without payment, nil-rated, exempted, non-GST */
  readonly noTax: boolean;
  /** cdnur UR Type */
  readonly urType?: 'B2CL' | 'EXPWP' | 'EXPWOP';
  /** Table 8 supply type (INTRB2B...) */
  readonly nilType?: string;
  /** Table 12 tab the line counts in; undefined: not in the HSN summary */
  readonly hsnTab?: 'b2b' | 'b2c';
  /** Table 14 part the line also counts in */
  readonly eco?: 'clttx' | 'paytx';
  /** −1 for a credit note where amounts are netted (b2cs, Table 8, Table 12, Table 14) */
  readonly sign: 1 | -1;
  /** an amendment: what it amends (not in Tables 12, 13 and 14 of this period) */
  readonly original?: Original;
}

export interface ClassifyContext extends ReturnContext {
  /** B2CL limit of the period, paise */
  readonly limit: number;
  /** Table 14 (supeco) applies: from the January 2024 period */
  readonly table14: boolean;
}

export function classifyContext(ctx: ReturnContext): ClassifyContext {
  return { ...ctx, limit: b2clLimitPaise(ctx.period), table14: periodKey(ctx.period) >= ECO_FROM };
}

/** What is known of a note's original invoice. */
export type OriginalClass = 'b2cl' | 'b2cs' | undefined;

const NEEDS_GSTIN = new Set(['SEWP', 'SEWOP', 'DE', 'CBW']);

/** A classification that cannot be made: the line is rejected with this finding. */
export interface Refusal {
  readonly refused: true;
  readonly code: string;
  readonly field: 'ctin' | 'val' | 'docType' | 'origDate' | 'origMonth' | 'category';
  readonly params?: Params;
}

const refuse = (code: string, field: Refusal['field'], params?: Params): Refusal => (params ? { refused: true, code, field, params } : { refused: true, code, field });

export function classify(line: RegisterLine, ctx: ClassifyContext, docValue: number | undefined, original: OriginalClass = undefined): Decision | Refusal {
  const registered = Boolean(line.ctin);
  const sign: 1 | -1 = line.kind === 'C' ? -1 : 1;
  if (line.cancelled) {
    return { registered, sign, target: 'cancelled', reason: 'cancelled', params: {}, inter: false, noTax: true };
  }
  const amends = amendmentOf(line);
  if (line.kind === 'AR' || line.kind === 'AA') return advance(line, ctx, amends);
  if (isTable15(line, ctx)) return table15(line, ctx, amends);
  const d = classifyOriginal(line, ctx, docValue, original);
  return amends && !isRefusal(d) ? amendment(d, amends, line) : d;
}

/** The original an amendment row names; undefined for a row that amends nothing. */
export function amendmentOf(line: RegisterLine): Original | undefined {
  const month = line.origMonth ?? (line.origDate ? monthOfIso(line.origDate) : undefined);
  const tail = { ...(line.origDate ? { date: line.origDate } : {}), ...(month ? { month } : {}) };
  if (line.kind === 'C' || line.kind === 'D') {
    // a note's Original Invoice Number is the invoice it is against; its own original is a note number
    return line.origNoteNum ? { num: line.origNoteNum, ...tail } : undefined;
  }
  if (!line.origDate && !line.origMonth) return undefined;
  return { ...(line.kind === 'INV' ? { num: line.origNum ?? line.docNum } : {}), ...tail };
}

const AMENDED: Partial<Record<Target, { sheet: TargetSheet; needs: 'date' | 'month' }>> = {
  b2b: { sheet: 'b2ba', needs: 'date' },
  b2cl: { sheet: 'b2cla', needs: 'date' },
  b2cs: { sheet: 'b2csa', needs: 'month' },
  exp: { sheet: 'expa', needs: 'date' },
  cdnr: { sheet: 'cdnra', needs: 'date' },
  cdnur: { sheet: 'cdnura', needs: 'date' },
  at: { sheet: 'ata', needs: 'month' },
  atadj: { sheet: 'atadja', needs: 'month' },
  ecob2b: { sheet: 'ecoab2b', needs: 'date' },
  ecourp2b: { sheet: 'ecoaurp2b', needs: 'date' },
  ecob2c: { sheet: 'ecoab2c', needs: 'month' },
  ecourp2c: { sheet: 'ecoaurp2c', needs: 'month' },
};

/** The amendment table of the section the revised details decide. */
function amendment(d: Decision, o: Original, line: RegisterLine): Decision | Refusal {
  const to = AMENDED[d.target];
  if (!to) return refuse('REGISTER_AMENDMENT_UNSUPPORTED', d.target === 'exemp' ? 'category' : 'origDate', { section: d.target });
  if (to.needs === 'date' && !o.date) return refuse('REGISTER_ORIGINAL_MISSING', 'origDate', { needs: 'date', section: to.sheet });
  if (to.needs === 'month' && !o.month) return refuse('REGISTER_ORIGINAL_MISSING', 'origMonth', { needs: 'month', section: to.sheet });
  const { eco: _eco, hsnTab: _hsn, ...rest } = d;
  // what it amends, as data: the explanation words it (summary.ts)
  const amends = to.needs === 'date' ? { amendsNumber: o.num ?? line.docNum, amendsDate: o.date! } : { amendsFy: o.month!.fy, amendsMonth: o.month!.month };
  return { ...rest, target: to.sheet, original: o, reason: 'amendment', params: { ...d.params, of: d.reason, section: to.sheet, ...amends } };
}

/** Advances received (receipt vouchers, 11A) and adjusted (11B): per place of supply and rate; not in Tables 12 and 14. */
function advance(line: RegisterLine, ctx: ClassifyContext, amends: Original | undefined): Decision | Refusal {
  const inter = isInterState(ctx, line.pos);
  const received = line.kind === 'AR';
  const d: Decision = {
    registered: Boolean(line.ctin), sign: 1, inter, noTax: line.category !== 'taxable',
    target: received ? 'at' : 'atadj', reason: received ? 'advance-received' : 'advance-adjusted',
    params: { pos: line.pos, state: ctx.supplierState, sez: ctx.sez || undefined },
  };
  return amends ? amendment(d, amends, line) : d;
}

/** The filer is the e-commerce operator and pays the tax on this supply by another supplier u/s 9(5). */
export function isTable15(line: RegisterLine, ctx: ReturnContext): boolean {
  if (line.stin !== undefined && line.stin !== ctx.gstin) return true;
  return line.ecoLiability === 'paytx' && line.etin === ctx.gstin;
}

const ECOM_IGST = new Set(['SEWP', 'SEWOP']);

/** Table 15: by recipient registered or not, then supplier registered or not; tax by the supplier's State. */
function table15(line: RegisterLine, ctx: ClassifyContext, amends: Original | undefined): Decision | Refusal {
  if (line.kind !== 'INV') return refuse('REGISTER_TABLE15_DOCUMENT', 'docType', { reason: 'note' });
  if (line.category !== 'taxable') return refuse('REGISTER_TABLE15_DOCUMENT', 'category', { reason: 'category', category: line.category });
  const registered = Boolean(line.ctin);
  const stin = line.stin && line.stin !== 'URP' ? line.stin : undefined;
  // an unregistered supplier is taken to be in the operator's State (as the Table 15 mapper does)
  const supplierState = stin ? stin.slice(0, 2) : ctx.supplierState;
  const inter = (line.invType !== undefined && ECOM_IGST.has(line.invType)) || line.pos !== supplierState;
  const target: TargetSheet = registered ? (stin ? 'ecob2b' : 'ecourp2b') : stin ? 'ecob2c' : 'ecourp2c';
  const d: Decision = {
    registered, sign: 1, inter, noTax: line.invType === 'SEWOP', target, reason: 'table15',
    params: { supplier: stin, ctin: line.ctin, part: target.slice(3) },
    hsnTab: registered ? 'b2b' : 'b2c',
  };
  return amends ? amendment(d, amends, line) : d;
}

function classifyOriginal(line: RegisterLine, ctx: ClassifyContext, docValue: number | undefined, original: OriginalClass): Decision | Refusal {
  const registered = Boolean(line.ctin);
  const sign: 1 | -1 = line.kind === 'C' ? -1 : 1;
  const base = { registered, sign };
  const exported = line.expType !== undefined;
  if (!exported && !registered && line.invType && NEEDS_GSTIN.has(line.invType)) {
    return { refused: true, code: 'REGISTER_GSTIN_NEEDED', field: 'ctin', params: { invType: line.invType } };
  }
  const inter = exported || isInterState(ctx, line.pos, line.invType);
  const placeParams: Params = { pos: line.pos, state: ctx.supplierState, sez: ctx.sez || undefined };
  const ecoPart = ctx.table14 && line.etin && line.category !== 'nongst' ? (line.ecoLiability ?? 'clttx') : undefined;
  const noTax = line.category !== 'taxable' || line.invType === 'SEWOP' || line.expType === 'WOPAY';
  const hsnTab: 'b2b' | 'b2c' = registered && !exported ? 'b2b' : 'b2c';
  const common = { ...base, inter, noTax, ...(ecoPart ? { eco: ecoPart } : {}) };
  // non-GST supplies too: Table 12 is checked against the whole of Table 8 (see HSN_TOTALS)
  const inHsn = { hsnTab };

  if (ecoPart === 'paytx') {
    return { ...common, target: 'eco', reason: 'eco-9-5', params: { etin: line.etin } };
  }
  if (exported) {
    if (line.kind === 'INV') return { ...common, ...inHsn, target: 'exp', reason: 'export', params: { expType: line.expType } };
    const urType = line.expType === 'WPAY' ? 'EXPWP' : 'EXPWOP';
    return { ...common, ...inHsn, target: 'cdnur', urType, reason: 'note-export', params: { urType } };
  }
  if (line.category !== 'taxable') {
    const nilType = `${inter ? 'INTR' : 'INTRA'}${registered ? 'B2B' : 'B2C'}`;
    const label = NIL_SUPPLY_TYPES.find((n) => n.code === nilType)!.label;
    return { ...common, ...inHsn, target: 'exemp', nilType, reason: 'nil', params: { category: line.category, description: label, ...placeParams } };
  }
  const who: Params = { id: registered ? (isUin(line.ctin!) ? 'UIN' : 'GSTIN') : undefined, ctin: line.ctin };
  if (line.kind !== 'INV') {
    if (registered) return { ...common, ...inHsn, target: 'cdnr', reason: 'note-registered', params: { ...who, invType: line.invType ?? 'R' } };
    if (!inter) return { ...common, ...inHsn, target: 'b2cs', reason: 'note-b2cs-intra', params: placeParams };
    if (original) {
      const target = original === 'b2cl' ? 'cdnur' : 'b2cs';
      return {
        ...common, ...inHsn, target, ...(target === 'cdnur' ? { urType: 'B2CL' as const } : {}),
        reason: original === 'b2cl' ? 'note-b2cl-invoice' : 'note-b2cs-invoice', params: { original: line.origNum, ...placeParams },
      };
    }
    if (docValue === undefined) return { refused: true, code: 'CELL_REQUIRED', field: 'val' };
    const limitParams: Params = { value: formatPaise(Math.abs(docValue)), limit: formatPaise(ctx.limit), period: formatPeriod(ctx.period), ...placeParams };
    if (Math.abs(docValue) > ctx.limit) return { ...common, ...inHsn, target: 'cdnur', urType: 'B2CL', reason: 'note-b2cl-value', params: limitParams };
    return { ...common, ...inHsn, target: 'b2cs', reason: 'note-b2cs-value', params: limitParams };
  }
  if (registered) return { ...common, ...inHsn, target: 'b2b', reason: 'registered', params: { ...who, invType: line.invType ?? 'R' } };
  if (!inter) return { ...common, ...inHsn, target: 'b2cs', reason: 'b2cs-intra', params: placeParams };
  if (docValue === undefined) return { refused: true, code: 'CELL_REQUIRED', field: 'val' };
  const limitParams: Params = { value: formatPaise(docValue), limit: formatPaise(ctx.limit), period: formatPeriod(ctx.period), ...placeParams };
  if (docValue > ctx.limit) return { ...common, ...inHsn, target: 'b2cl', reason: 'b2cl', params: limitParams };
  return { ...common, ...inHsn, target: 'b2cs', reason: 'b2cs-value', params: limitParams };
}

export function isRefusal(d: Decision | Refusal): d is Refusal {
  return 'refused' in d;
}
