/**
 * B2CS_TYPE_E: b2cs/b2csa "Type". From the January 2024 period (Table 14 takes supplies through
 * an e-commerce operator, the same change that blanked "E-Commerce GSTIN" in b2b/b2cl) only OE is
 * accepted: the template's master still lists E, but the offline tool rejects it. Before that
 * period, Type E (through an operator) is valid and needs the operator's GSTIN.
 *   pass: OE; E with an operator GSTIN for 122023; fail: E for 032025; E without GSTIN for 122023
 */
import { ECO_FROM } from '../../model/dated-rules.js';
import { periodKey } from '../../model/period.js';
import type { RowRule } from '../types.js';

const rule: RowRule = {
  kind: 'row',
  code: 'B2CS_TYPE_E',
  severity: 'error',
  sections: ['b2cs', 'b2csa'],
  source: 'Offline Tool 3.2.4 b2cs import (Type E no longer offered, Table 14 from January 2024)',
  description: 'B2C (small) Type must be OE from the January 2024 period; before it, Type E (through an e-commerce operator) needs the operator\'s GSTIN.',
  variants: [{ reason: 'dated' }, { reason: 'no-operator' }],
  check(row, ctx, report) {
    if (row.values.typ !== 'E') return;
    if (periodKey(ctx.period) >= ECO_FROM) report(row, 'typ', { reason: 'dated' });
    else if (!row.values.etin) report(row, 'typ', { reason: 'no-operator' });
  },
};
export default rule;
