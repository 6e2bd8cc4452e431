import { describe, expect, it } from 'vitest';
import { saysFiled, trackOf } from './shared.js';

const entry = (e: Record<string, unknown>) => ({ EFiledlist: [{ rtntype: 'GSTR1', ret_prd: '072026', ...e }] });

describe('the return tracker: filed only when the portal says so', () => {
  it('a status that says filed', () => {
    for (const s of ['Filed', 'FILED', ' filed ', 'Filed - Valid', 'Filed-Valid']) expect(saysFiled(s), s).toBe(true);
    for (const s of ['Not Filed', 'To be Filed', 'Submitted but not filed', 'Submitted', 'Filed - Invalid', 'NOT FILED', '']) expect(saysFiled(s), s).toBe(false);
  });

  it('an entry "Not Filed" is not filed, and no ARN is made up for it', () => {
    expect(trackOf(entry({ status: 'Not Filed' }), '072026')).toEqual({ filed: false, status: 'Not Filed' });
    expect(trackOf(entry({ status: 'To be Filed' }), '072026')).toEqual({ filed: false, status: 'To be Filed' });
    expect(trackOf(entry({ status: 'Filed', arn: 'AA2707260012345', dof: '11-08-2026' }), '072026')).toEqual({ filed: true, arn: 'AA2707260012345', filedOn: '11-08-2026', status: 'Filed' });
  });

  it('an entry without a status counts as filed only with its ARN', () => {
    expect(trackOf(entry({}), '072026')).toEqual({ filed: false });
    expect(trackOf(entry({ arn: '' }), '072026')).toEqual({ filed: false });
    expect(trackOf(entry({ arn: 'AA2707260012345' }), '072026')).toEqual({ filed: true, arn: 'AA2707260012345' });
  });

  it('another period or return type is not this return', () => {
    expect(trackOf(entry({ status: 'Filed', arn: 'X' }), '082026')).toEqual({ filed: false });
    expect(trackOf(entry({ status: 'Filed', arn: 'X' }), '072026', 'GSTR1A')).toEqual({ filed: false });
  });
});
