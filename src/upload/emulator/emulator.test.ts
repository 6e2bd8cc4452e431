/** provider: emulator — admin endpoint, platform error shapes, portal rules not covered by the contract. */
import { afterEach, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../model/gstin.js';
import { startEmulator, type RunningEmulator } from './index.js';

const GSTIN = '27AAACR5055K1Z7';
const WB = { client_id: 'c', client_secret: 's', ip_address: '127.0.0.1', gst_username: 'u', state_cd: '27' };

describe('provider: emulator', () => {
  let emu: RunningEmulator;
  afterEach(async () => emu.close());

  const wb = async (path: string, init: RequestInit & { txn?: string } = {}) => {
    const res = await fetch(`${emu.url}${path}${path.includes('?') ? '&' : '?'}email=a@b.c`, {
      ...init, headers: { ...WB, ...(init.txn ? { txn: init.txn } : {}), ...(init.headers as Record<string, string>) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers };
  };
  const session = async () => {
    const otp = await wb('/authentication/otprequest');
    const txn = otp.headers.get('txn')!;
    expect(otp.body.header.txn).toBe(txn);
    expect((await wb('/authentication/authtoken?otp=111111', { txn })).body.error.error_cd).toBe('AUTH158');
    // an OTP request's txn is usable once verified
    expect((await wb('/authentication/authtoken?otp=575757', { txn })).body.status_cd).toBe('1');
    return txn;
  };

  it('answers WhiteBooks platform errors: unknown path, missing headers, invalid session', async () => {
    emu = await startEmulator();
    const unknown = await fetch(`${emu.url}/gst/api/v1/gstr1/file`);
    expect(unknown.status).toBe(404);
    expect(await (await fetch(`${emu.url}/oauth/token`)).json()).toMatchObject({ error: { error_cd: 'WB_ERR_9404' } });
    const missing = await fetch(`${emu.url}/gstr1/retsum?email=x`, { headers: { client_id: 'c' } });
    expect(await missing.json()).toMatchObject({ status_cd: '0', error: { error_cd: 'WB_ERR_9104', message: expect.stringContaining('client_secret') } });
    expect((await wb('/gstr1/retsum?gstin=27AAACR5055K1Z7&retperiod=032025', { txn: 'nope' })).body.error.error_cd).toBe('AUTH4033');
    const txn = await session();
    // query names: gstin or gstIn (the seed's spelling)
    const sum = await wb(`/gstr1/retsum?gstIn=${GSTIN}&retperiod=032025`, { txn });
    expect(sum.body.data).toMatchObject({ gstin: GSTIN, ret_period: '032025', sec_sum: [], newSumFlag: false });
  });

  it('switches faults, moves its clock and shows counters through /__emulator', async () => {
    emu = await startEmulator({ sessionMs: 1000 });
    const txn = await session();
    const post = (path: string, body: unknown) => fetch(`${emu.url}/__emulator${path}`, { method: 'POST', body: JSON.stringify(body) });
    await post('/faults', { summary: { httpError: { status: 503, times: 1 }, latencyMs: 5 }, status: { rateLimit: { times: 1, retryAfterSec: 7 } } });
    const q = `gstin=${GSTIN}&retperiod=032025&returnperiod=032025&refid=x`;
    expect((await fetch(`${emu.url}/gstr1/retsum?${q}&email=a`, { headers: { ...WB, txn } })).status).toBe(503);
    expect((await wb(`/gstr1/retsum?${q}`, { txn })).status).toBe(200);
    const limited = await fetch(`${emu.url}/gstr/retstatus?${q}&email=a`, { headers: { ...WB, txn } });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await wb(`/gstr/retstatus?${q}`, { txn })).body.error.error_cd).toBe('RET11416'); // unknown reference
    await post('/clock', { advanceMs: 2000 });
    expect((await wb(`/gstr1/retsum?${q}`, { txn })).body.error.error_cd).toBe('AUTH4038');
    const state = (await (await fetch(`${emu.url}/__emulator/returns`)).json()) as { calls: Record<string, number> };
    expect(state.calls).toMatchObject({ otp: 1, verify: 2, summary: 3, status: 2 });
    expect((await fetch(`${emu.url}/__emulator/faults`, { method: 'DELETE' })).status).toBe(200);
  });

  it('keeps saves cumulative by document, answers RESET in progress, and locks the period once filed', async () => {
    emu = await startEmulator({ ipPolls: 0 });
    const p = emu.emulator.portal;
    const ctin = '29AABCT1332L1Z' + gstinCheckChar('29AABCT1332L1Z');
    const doc = (txval: number) => JSON.stringify({ gstin: GSTIN, fp: '032025', b2b: [{ ctin, inv: [{ inum: 'A-1', idt: '01-03-2025', val: txval, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval, iamt: txval * 0.18, csamt: 0 } }] }] }] });
    p.save(GSTIN, '032025', doc(100));
    p.save(GSTIN, '032025', doc(200));
    const st = p.state(GSTIN, '032025');
    expect(st.docs.size).toBe(1);
    expect((p.summaryOf(st, false).sec_sum as { ttl_tax: number }[])[0]!.ttl_tax).toBe(200);
    const reset = p.reset(GSTIN, '032025');
    expect(p.save(GSTIN, '032025', doc(1))).toMatchObject({ ok: false, code: 'RET191251' });
    expect(p.proceed(GSTIN, '032025', false)).toMatchObject({ ok: false, code: 'RET191251' });
    if (!reset.ok) throw new Error('reset refused');
    expect(p.status(GSTIN, '032025', reset.value.referenceId)).toMatchObject({ ok: true, value: { action: 'RESET', status_cd: 'P' } });
    expect(st.docs.size).toBe(0);
    // nil return only when nothing is saved; proceed twice → already ready
    expect(p.proceed(GSTIN, '032025', true).ok).toBe(true);
    expect(p.proceed(GSTIN, '032025', true)).toMatchObject({ ok: false, code: 'RET00003' });
    expect(p.evcOtp(GSTIN, 'AAACR5055K').ok).toBe(true);
    const sum = p.summaryOf(st, false);
    expect(p.file(GSTIN, '032025', 'AAACR5055K', '575757', { chksum: 'old' })).toMatchObject({ ok: false, code: 'RET09001' });
    expect(p.file(GSTIN, '032025', 'AAACR5055K', '575757', sum)).toMatchObject({ ok: true });
    expect(p.save(GSTIN, '032025', doc(1))).toMatchObject({ ok: false, code: 'AUTH117' });
    expect(p.reset(GSTIN, '032025')).toMatchObject({ ok: false, code: 'AUTH117' });
    expect(p.proceed(GSTIN, '032025', false)).toMatchObject({ ok: false, code: 'RET00009' });
    expect(p.track(GSTIN, '032025')).toMatchObject({ EFiledlist: [{ status: 'Filed', arn: expect.stringMatching(/^AA27/) }] });
  });

  it('a pluggable validator decides what PE reports', async () => {
    emu = await startEmulator({
      ipPolls: 0,
      validatePayload: (payload) => [{ key: { section: 'hsn', part: 'data', hsn: '8471', uqc: 'NOS', rt: 18 }, code: 'RET191350', message: 'HSN length' }].filter(() => 'hsn' in payload),
    });
    const p = emu.emulator.portal;
    const r = p.save(GSTIN, '032025', JSON.stringify({ gstin: GSTIN, fp: '032025', hsn: { data: [{ num: 1, hsn_sc: '8471', uqc: 'NOS', qty: 1, rt: 18, txval: 10, iamt: 1.8 }, { num: 2, hsn_sc: '8473', uqc: 'NOS', qty: 1, rt: 18, txval: 10, iamt: 1.8 }] } }));
    if (!r.ok) throw new Error('refused');
    const st = p.status(GSTIN, '032025', r.value.referenceId);
    expect(st).toMatchObject({ ok: true, value: { status_cd: 'PE', error_report: { hsn: [{ error_cd: 'RET191350', error_msg: 'HSN length', data: [{ hsn_sc: '8471' }] }] } } });
    expect(p.state(GSTIN, '032025').docs.size).toBe(1);
  });
});
