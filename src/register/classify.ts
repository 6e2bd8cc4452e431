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
import type { RegisterLine } from './line.js';

/** Template sheets a register line can go to. */
export type TargetSheet = Extract<SheetId, 'b2b' | 'b2cl' | 'b2cs' | 'cdnr' | 'cdnur' | 'exp' | 'exemp'>;

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
  | 'b2cs-value';

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
  readonly field: 'ctin' | 'val';
  readonly params?: Params;
}

export function classify(line: RegisterLine, ctx: ClassifyContext, docValue: number | undefined, original: OriginalClass = undefined): Decision | Refusal {
  const registered = Boolean(line.ctin);
  const sign: 1 | -1 = line.kind === 'C' ? -1 : 1;
  const base = { registered, sign };
  if (line.cancelled) {
    return { ...base, target: 'cancelled', reason: 'cancelled', params: {}, inter: false, noTax: true };
  }
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
