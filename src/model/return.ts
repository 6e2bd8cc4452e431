/** The return a pass is about: whose, for which period, and the intra/inter-State decision it drives. */
import type { Period } from './period.js';

export interface ReturnContext {
  /** supplier GSTIN, upper case */
  readonly gstin: string;
  /** first two digits of the supplier GSTIN */
  readonly supplierState: string;
  readonly period: Period;
  /** the supplier is an SEZ unit or developer: every supply is inter-State */
  readonly sez: boolean;
}

/** Invoice types that always carry IGST, whatever the place of supply. */
const IGST_TYPES = new Set(['SEWP', 'SEWOP', 'CBW']);

/** Inter-State when the supplier is an SEZ, the type demands IGST, or POS ≠ supplier's state. */
export function isInterState(ctx: ReturnContext, pos: string | undefined, invTyp?: string): boolean {
  if (ctx.sez) return true;
  if (invTyp && IGST_TYPES.has(invTyp)) return true;
  return pos !== ctx.supplierState;
}
