/**
 * RET191112: the place of supply must be a state/UT code of the template's list (01-38 without
 * 28, and 97 Other Territory). 96 (Foreign Country) is offered only in b2b, b2ba, cdnr and cdnra,
 * and not when the recipient is a UIN holder. A B2CL note (cdnur/cdnura UR Type B2CL) needs a POS.
 *   pass: 27, 96 in b2b to a GSTIN; fail: 28, 99, 96 in b2cs, 96 to a UIN
 */
import { STATES } from '../../model/labels.js';
import { isUin } from '../../model/gstin.js';
import type { SheetId } from '../../model/sheets.js';
import type { RowRule } from '../types.js';

const CODES = new Set(STATES.map((s) => s.code));
const FOREIGN_OK = new Set<SheetId>(['b2b', 'b2ba', 'cdnr', 'cdnra']);

const rule: RowRule = {
  kind: 'row',
  code: 'RET191112',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'cdnr', 'cdnra', 'cdnur', 'cdnura', 'at', 'ata', 'atadj', 'atadja'],
  source: 'Offline Tool 3.2.4 `public/data/state.json`, POS drop-down (`returns1.ctrl.js`); portal RET191112',
  description:
    'Place of supply: a state/UT code from the template list; 96 (Foreign Country) only in b2b, b2ba, cdnr, cdnra and not for a UIN recipient; required on B2CL notes.',
  variants: [{ reason: 'unknown' }, { reason: 'foreign-sheet' }, { reason: 'foreign-uin' }, { reason: 'required' }],
  check(row, _ctx, report) {
    const v = row.values;
    const field = row.ctx.spec.id === 'b2cla' ? 'opos' : 'pos';
    const pos = v[field];
    const sheet = row.ctx.spec.id;
    if (pos === undefined || pos === '') {
      if ((sheet === 'cdnur' || sheet === 'cdnura') && v.urType === 'B2CL') report(row, 'pos', { reason: 'required' });
      return;
    }
    if (pos === '96') {
      if (!FOREIGN_OK.has(sheet)) report(row, field, { reason: 'foreign-sheet' });
      else if (v.ctin && isUin(v.ctin)) report(row, field, { reason: 'foreign-uin' });
      return;
    }
    if (!CODES.has(pos)) report(row, field, { reason: 'unknown' });
  },
};
export default rule;
