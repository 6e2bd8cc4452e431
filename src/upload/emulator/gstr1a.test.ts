import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';
import { Portal } from './portal.js';

const GSTIN = '27AAACR5055K1Z7';
const A = '29AAACR5055K1Z3';
const B = '27AABCU9603R1ZN';
const inv = (inum: string, idt: string, extra: object = {}) => ({
  inum, idt, val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R', ...extra, itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }],
});

function save(p: Portal, fp: string, body: object, form?: 'gstr1a') {
  const r = p.save(GSTIN, fp, JSON.stringify({ gstin: GSTIN, fp, ...body }), form ? { form } : {});
  if (!r.ok) return { refused: r.code };
  const st = p.status(GSTIN, fp, r.value.referenceId);
  if (!st.ok) throw new Error(st.code);
  return st.value;
}

/** a portal whose August 2024 GSTR-1 holds A/1 for recipient A */
function withGstr1(filed: boolean): Portal {
  const p = new Portal({ ipPolls: 0, validatePayload: () => [] });
  expect(save(p, '082024', { b2b: [{ ctin: A, inv: [inv('A/1', '05-08-2024')] }] })).toMatchObject({ status_cd: 'P', form_typ: 'R1' });
  if (filed) p.state(GSTIN, '082024').filed = { arn: 'AA270824000001', ackDt: '10-09-2024' };
  return p;
}

describe('emulator: GSTR-1A', () => {
  it('opens once the period\'s GSTR-1 is filed, and not before the July 2024 period', () => {
    const p = withGstr1(false);
    const body = { b2b: [{ ctin: A, inv: [inv('A/2', '06-08-2024')] }] };
    expect(save(p, '082024', body, 'gstr1a')).toEqual({ refused: 'EMU_GSTR1A_NOT_OPEN' });
    expect(p.proceed(GSTIN, '082024', false, { form: 'gstr1a' })).toMatchObject({ ok: false, code: 'EMU_GSTR1A_NOT_OPEN' });
    p.state(GSTIN, '082024').filed = { arn: 'AA270824000001', ackDt: '10-09-2024' };
    expect(save(p, '082024', body, 'gstr1a')).toMatchObject({ status_cd: 'P', form_typ: 'R1A' });
    p.state(GSTIN, '062024').filed = { arn: 'AA270624000001', ackDt: '10-07-2024' };
    expect(save(p, '062024', { b2b: [{ ctin: A, inv: [inv('J/1', '06-06-2024')] }] }, 'gstr1a')).toEqual({ refused: 'EMU_GSTR1A_PERIOD' });
  });

  it('takes amendments and missed documents; refuses a document the GSTR-1 holds and a changed recipient', () => {
    const p = withGstr1(true);
    const st = save(p, '082024', {
      b2b: [{ ctin: A, inv: [inv('A/1', '05-08-2024'), inv('A/3', '20-08-2024')] }],
      b2ba: [
        { ctin: A, inv: [inv('A/1', '05-08-2024', { oinum: 'A/1', oidt: '05-08-2024' })] },
        { ctin: B, inv: [inv('A/1', '05-08-2024', { oinum: 'A/1', oidt: '05-08-2024', pos: '27' })] },
      ],
    }, 'gstr1a');
    expect(st).toMatchObject({ status_cd: 'PE' });
    expect('error_report' in st && st.error_report).toMatchObject({
      b2b: [{ ctin: A, error_cd: 'RET191111', error_msg: 'Invoice No. A/1 already exist in GSTR 1 of 082024', inv: [{ inum: 'A/1' }] }],
      b2ba: [{ ctin: B, error_cd: 'RET191106', error_msg: 'Recipient GSTIN of A/1 cannot be changed in GSTR1A' }],
    });
    expect([...p.state(GSTIN, '082024', 'gstr1a').docs.values()].map((d) => [d.section, d.key.ctin, d.key.inum])).toEqual([
      ['b2b', A, 'A/3'], ['b2ba', A, 'A/1'],
    ]);
    // the GSTR-1 is left as filed
    expect([...p.state(GSTIN, '082024').docs.values()].map((d) => d.key.inum)).toEqual(['A/1']);
  });

  it('a cdnra is checked against the note it amends (ont_num), not its new number', () => {
    const p = withGstr1(false);
    const note = (nt_num: string, extra: object = {}) => ({
      ntty: 'C', nt_num, nt_dt: '10-08-2024', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R', ...extra,
      itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }],
    });
    expect(save(p, '082024', { cdnr: [{ ctin: A, nt: [note('N1')] }] })).toMatchObject({ status_cd: 'P' });
    p.state(GSTIN, '082024').filed = { arn: 'AA270824000001', ackDt: '10-09-2024' };
    // N1, filed for A, renumbered N1-R and moved to B: the recipient of N1 may not change
    const st = save(p, '082024', { cdnra: [{ ctin: B, nt: [note('N1-R', { ont_num: 'N1', ont_dt: '10-08-2024', pos: '27' })] }] }, 'gstr1a');
    expect(st).toMatchObject({ status_cd: 'PE' });
    expect('error_report' in st && st.error_report).toMatchObject({
      cdnra: [{ ctin: B, error_cd: 'RET191106', error_msg: 'Recipient GSTIN of N1 cannot be changed in GSTR1A' }],
    });
  });

  it('the tracker lists each form once filed, and filters by type', () => {
    const p = withGstr1(true);
    p.state(GSTIN, '082024', 'gstr1a').filed = { arn: 'AA270824000002', ackDt: '15-09-2024' };
    const types = (t?: string) => (p.track(GSTIN, '082024', t).EFiledlist as { rtntype: string; arn: string }[]).map((e) => [e.rtntype, e.arn]);
    expect(types()).toEqual([['GSTR1', 'AA270824000001'], ['GSTR1A', 'AA270824000002']]);
    expect(types('GSTR1')).toEqual([['GSTR1', 'AA270824000001']]);
    expect(types('GSTR1A')).toEqual([['GSTR1A', 'AA270824000002']]);
  });
});

describe('emulator: Sandbox\'s GSTR-1A summary (its one documented GSTR-1A path)', () => {
  let emu: RunningEmulator;
  afterEach(async () => emu.close());

  it('answers the GSTR-1A of the period, apart from its GSTR-1', async () => {
    emu = await startEmulator({ ipPolls: 0 });
    const portal = emu.emulator.portal;
    expect(save(portal, '082024', { b2b: [{ ctin: A, inv: [inv('A/1', '05-08-2024')] }] })).toMatchObject({ status_cd: 'P' });
    portal.state(GSTIN, '082024').filed = { arn: 'AA270824000001', ackDt: '10-09-2024' };
    expect(save(portal, '082024', { b2b: [{ ctin: A, inv: [inv('A/2', '06-08-2024'), inv('A/3', '07-08-2024')] }] }, 'gstr1a')).toMatchObject({ status_cd: 'P' });
    const post = async (path: string, headers: Record<string, string>, body?: unknown) =>
      (await (await fetch(`${emu.url}${path}`, { method: 'POST', headers: { 'x-api-key': 'k', ...headers }, body: JSON.stringify(body ?? {}) })).json()) as Record<string, any>;
    const platform = (await post('/authenticate', { 'x-api-secret': 's' })).data.access_token as string;
    const who = { username: 'u', gstin: GSTIN };
    await post('/gst/compliance/tax-payer/otp', { authorization: platform }, who);
    const token = (await post('/gst/compliance/tax-payer/otp/verify?otp=575757', { authorization: platform }, who)).data.access_token as string;
    const get = async (path: string) => (await (await fetch(`${emu.url}${path}`, { headers: { 'x-api-key': 'k', authorization: token } })).json()) as Record<string, any>;
    const sum = await get('/gst/compliance/tax-payer/gstrs/gstr-1a/2024/08');
    expect(sum.data.data).toMatchObject({ gstin: GSTIN, ret_period: '082024', sec_sum: [{ sec_nm: 'B2B', ttl_rec: 2 }] });
    expect((await get('/gst/compliance/tax-payer/gstrs/gstr-1/2024/08')).data.data.sec_sum).toMatchObject([{ sec_nm: 'B2B', ttl_rec: 1 }]);
  });
});
