/**
 * RET191112: the place of supply must be a state/UT code of the template's list (01-38 without
 * 28, and 97 Other Territory), 96 (Foreign Country) not when the recipient is a UIN holder. A
 * B2CL note (cdnur/cdnura UR Type B2CL) needs a POS. 28 (old Andhra Pradesh) passes the Offline
 * Tool's Excel import, but the portal's JSON schema (schema/retsave.json, `pos`) has no 28, so a
 * return carrying it fails the upload: an error, said as the old code. 96 outside b2b, b2ba, cdnr,
 * cdnra is in the schema: POS_UNLISTED warns about it instead.
 *   pass: 27, 96 in b2b to a GSTIN; fail: 99, 00, 28, 96 to a UIN
 */
import { STATES } from '../../model/labels.js';
import { isUin } from '../../model/gstin.js';
import { POS_SHEETS } from '../shared.js';
import type { RowRule } from '../types.js';
import { FOREIGN_OK } from './pos-unlisted.js';

/** the old Andhra Pradesh code, before the 2014 bifurcation (37 since) */
const OLD_ANDHRA_PRADESH = '28';

const CODES = new Set(STATES.map((s) => s.code));

const rule: RowRule = {
  kind: 'row',
  code: 'RET191112',
  severity: 'error',
  sections: [...POS_SHEETS],
  source: 'Offline Tool 3.2.4 `public/data/state.json`, POS drop-down (`returns1.ctrl.js`); portal RET191112',
  description:
    'Place of supply: a state/UT code from the template list (not 28, the old Andhra Pradesh code the JSON schema lacks; 96 outside b2b/cdnr: see POS_UNLISTED); 96 (Foreign Country) not for a UIN recipient; required on B2CL notes.',
  variants: [{ reason: 'unknown' }, { reason: 'old-ap' }, { reason: 'foreign-uin' }, { reason: 'required' }],
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
      if (FOREIGN_OK.has(sheet) && v.ctin && isUin(v.ctin)) report(row, field, { reason: 'foreign-uin' });
      return;
    }
    if (pos === OLD_ANDHRA_PRADESH) report(row, field, { reason: 'old-ap' });
    else if (!CODES.has(pos)) report(row, field, { reason: 'unknown' });
  },
};
export default rule;
