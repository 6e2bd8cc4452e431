/**
 * ECOM_DOC_TYPE: a Table 15/15A document (ecob2b, ecourp2b, ecoab2b, ecoaurp2b) is Regular,
 * Deemed Exp or an SEZ supply with or without payment: the template's "Document type" list has no
 * "Intra-State supplies attracting IGST" (CBW), which the reader otherwise accepts as an invoice type.
 *   pass: Regular, SEZ supplies with payment; fail: Intra-State supplies attracting IGST
 */
import { ECOM_DOC_TYPES } from '../../model/labels.js';
import { TABLE15_DOCUMENT_SHEETS } from '../shared.js';
import type { RowRule } from '../types.js';

const CODES = new Set(ECOM_DOC_TYPES.map((t) => t.code));

const rule: RowRule = {
  kind: 'row',
  code: 'ECOM_DOC_TYPE',
  severity: 'error',
  sections: TABLE15_DOCUMENT_SHEETS,
  source: 'GSTR-1 Excel template (master sheet, Table 15 "Document type" list); Offline Tool 3.2.4 Table 15 import',
  description: 'Table 15/15A document type: Regular, Deemed Exp, SEZ supplies with payment or SEZ supplies without payment.',
  variants: [{ allowed: ECOM_DOC_TYPES.map((t) => t.label).join(', ') }],
  check(row, _ctx, report) {
    const t = row.values.invTyp;
    if (t && !CODES.has(t)) report(row, 'invTyp', { allowed: ECOM_DOC_TYPES.map((x) => x.label).join(', ') });
  },
};
export default rule;
