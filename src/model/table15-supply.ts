/**
 * Whether a Table 15 / 15A supply (tax paid by the e-commerce operator u/s 9(5)) is inter-State:
 * the mapper decides its tax heads by it and the rules judge given heads and a JSON's `sply_ty`
 * by it, so they cannot disagree.
 */
import type { FieldValues } from './fields.js';
import type { ReturnContext } from './return.js';

/** SEZ supplies, with or without payment, are inter-State whatever the place of supply. */
const IGST_TYPES = new Set(['SEWP', 'SEWOP']);

/**
 * The State the supply is made from: a registered supplier's own (its GSTIN's first two digits);
 * an unregistered supplier's is taken to be the operator's, the return's GSTIN.
 */
export function table15SupplierState(ctx: Pick<ReturnContext, 'supplierState'>, v: Partial<Pick<FieldValues, 'stin'>>): string {
  return v.stin ? v.stin.slice(0, 2) : ctx.supplierState;
}

/** Inter-State: SEZ supplies, or the supplier's State (see table15SupplierState) ≠ place of supply. */
export function table15InterState(ctx: Pick<ReturnContext, 'supplierState'>, v: Partial<Pick<FieldValues, 'stin' | 'pos' | 'docTyp'>>): boolean {
  if (v.docTyp && IGST_TYPES.has(v.docTyp)) return true;
  return v.pos !== table15SupplierState(ctx, v);
}
