/**
 * RET191152: the e-commerce operator's GSTIN.
 * - b2b, b2ba, b2cl, b2cla: from the January 2024 period (Table 14 takes supplies through an
 *   operator) the current template requires "E-Commerce GSTIN" blank; for earlier periods it
 *   must be the operator's TCS GSTIN (…C…), check character valid, not the supplier or recipient.
 * - b2cs, b2csa: blank on a Type OE row; on a Type E row (valid before the January 2024 period)
 *   the operator's TCS GSTIN.
 * - eco, ecoa (Table 14/14A): a valid GSTIN, not the supplier's; a TCS GSTIN for "Liable to
 *   collect tax u/s 52(TCS)". ecoa checks the original operator GSTIN the same way.
 *   pass: a TCS GSTIN such as 27AAACR5055K1C… in eco; fail: any value in b2b for the 032025 return
 */
import { ECO_FROM } from '../../model/dated-rules.js';
import type { Field } from '../../model/fields.js';
import { hasShape, hasValidCheckChar, isTcsGstin } from '../../model/gstin.js';
import { periodKey } from '../../model/period.js';
import type { ParsedRow } from '../../parsers/rows.js';
import type { Report, RowRule, RuleContext } from '../types.js';

function checkOperator(row: ParsedRow, field: Field, ctx: RuleContext, report: Report, tcs: boolean) {
  const id = row.values[field] as string | undefined;
  if (!id) return;
  if (!hasShape(id, 'normal')) report(row, field, { reason: 'format' });
  else if (!hasValidCheckChar(id)) report(row, field, { reason: 'checksum' });
  else if (tcs && !isTcsGstin(id)) report(row, field, { reason: 'not-tcs' });
  else if (id === ctx.gstin) report(row, field, { reason: 'supplier' });
  else if (row.values.ctin && id === row.values.ctin) report(row, field, { reason: 'recipient' });
}

const rule: RowRule = {
  kind: 'row',
  code: 'RET191152',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'eco', 'ecoa'],
  source: 'Offline Tool 3.2.4 `ERR_INV_ETIN`, Table 14 import; portal RET191152',
  description:
    'E-commerce operator GSTIN: blank in b2b/b2cl (from the January 2024 period) and b2cs; in Table 14 a valid GSTIN (a TCS GSTIN for supplies u/s 52), not the supplier\'s.',
  variants: [
    { reason: 'not-allowed' }, { reason: 'b2cs' }, { reason: 'format' }, { reason: 'checksum' },
    { reason: 'not-tcs' }, { reason: 'supplier' }, { reason: 'recipient' },
  ],
  check(row, ctx, report) {
    const sheet = row.ctx.spec.id;
    if (sheet === 'eco' || sheet === 'ecoa') {
      const tcs = row.values.ecoNature === 'clttx';
      checkOperator(row, 'etin', ctx, report, tcs);
      if (sheet === 'ecoa') checkOperator(row, 'oetin', ctx, report, tcs);
      return;
    }
    if (!row.values.etin) return;
    const dated = periodKey(ctx.period) >= ECO_FROM;
    if (sheet === 'b2cs' || sheet === 'b2csa') {
      // a Type E row names its operator (before 2024; from then B2CS_TYPE_E rejects the row)
      if (row.values.typ !== 'E') report(row, 'etin', { reason: 'b2cs' });
      else if (!dated) checkOperator(row, 'etin', ctx, report, true);
    } else if (dated) {
      report(row, 'etin', { reason: 'not-allowed' });
    } else {
      checkOperator(row, 'etin', ctx, report, true);
    }
  },
};
export default rule;
