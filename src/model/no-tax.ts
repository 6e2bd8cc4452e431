/**
 * Supplies that carry no tax (spec gstr1-format.md §1, §3.3, §3.12): SEZ supplies without payment
 * (b2b/b2ba/cdnr/cdnra and Table 15 "SEWOP"), exports under bond or LUT (exp/expa "WOPAY") and
 * notes on them (cdnur/cdnura "EXPWOP"). Their items report the rate but IGST 0 and cess 0; the
 * portal refuses any tax on them (RET191150). One definition for the rules and the mappers alike,
 * whether the row came from the template, a sales register or a JSON.
 */
import type { FieldValues } from './fields.js';

export type NoTaxType = 'SEWOP' | 'WOPAY' | 'EXPWOP';

/** The no-tax type a row's document is of, or undefined when it is taxed. */
export function noTaxType(v: Partial<Pick<FieldValues, 'invTyp' | 'expTyp' | 'urType' | 'docTyp'>>): NoTaxType | undefined {
  if (v.invTyp === 'SEWOP' || v.docTyp === 'SEWOP') return 'SEWOP';
  if (v.expTyp === 'WOPAY') return 'WOPAY';
  if (v.urType === 'EXPWOP') return 'EXPWOP';
  return undefined;
}
