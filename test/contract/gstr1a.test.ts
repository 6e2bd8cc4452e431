/**
 * GSTR-1A through the emulator on both providers' paths (issue 13 item 3). WhiteBooks: the August
 * 2024 GSTR-1 is uploaded; a GSTR-1A before it is filed is refused before anything is saved; the
 * GSTR-1 is filed; the GSTR-1A then takes an amended invoice (b2ba) and a missed one (b2b), is
 * filed with its own ARN, and cannot be filed twice; the two journals stay apart; its status and
 * reset touch the GSTR-1A alone. Sandbox
 * documents no GSTR-1A save or filing path: its GSTR-1 is filed, its GSTR-1A refused, naming it.
 * On both, a GSTR-1A for June 2024 (before the form existed) is refused.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uploadFiles } from '../../src/api/upload.js';
import type { ReturnForm } from '../../src/model/form.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import sandbox from '../../src/upload/providers/sandbox.js';
import whitebooks from '../../src/upload/providers/whitebooks.js';
import { fileReturn, resetReturn, returnStatus, uploadReturn } from '../../src/upload/run.js';
import { GSTIN, OTP, PAN } from './provider-contract.js';

const SBX = { apiKey: 'key_live_g1a1', apiSecret: 'secret_live_g1a1', gstUsername: 'taxpayer_g1a' };
const WB = { email: 'accounts@example.in', clientId: 'wb-client-g1a', clientSecret: 'wb-secret-g1a-77c1', gstUsername: 'taxpayer_g1a' };
const RECIPIENT = '29AAACR5055K1Z3';
const CLOCK = { sleep: async () => undefined, random: () => 0.5 };
const HTTP = { timeoutMs: 2000, retries: 1, backoffMs: 1, clock: CLOCK };

const PROVIDERS = {
  sandbox: (url: string) => sandbox({ baseUrl: url, credentials: SBX, http: HTTP }),
  whitebooks: (url: string) => whitebooks({ baseUrl: url, credentials: WB, http: HTTP }),
} as const;

let emu: RunningEmulator | undefined;
beforeEach(() => {
  vi.stubEnv('GSTR1_HOME', mkdtempSync(join(tmpdir(), 'gstr1-g1a-home-')));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emu?.close();
  emu = undefined;
});

const B2B = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const B2BA = 'GSTIN/UIN of Recipient,Receiver Name,Original Invoice Number,Original Invoice date,Revised Invoice Number,Revised Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const b2b = (inum: string, date: string, taxable: number) => `${RECIPIENT},Kaveri,${inum},${date},${taxable * 1.18},29-Karnataka,N,,Regular B2B,,18,${taxable},`;
const b2ba = (inum: string, date: string, taxable: number) => `${RECIPIENT},Kaveri,${inum},${date},${inum},${date},${taxable * 1.18},29-Karnataka,N,,Regular B2B,,18,${taxable},`;

/** CSVs in a folder of their own: sheet name → lines. */
function csvs(name: string, sheets: Record<string, readonly string[]>): string[] {
  const dir = join(mkdtempSync(join(tmpdir(), 'gstr1-g1a-')), name);
  mkdirSync(dir);
  return Object.entries(sheets).map(([sheet, lines]) => {
    const file = join(dir, `${sheet}.csv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });
}

const GSTR1 = () => csvs('gstr1', { b2b: [B2B, b2b('INV/801', '05-Aug-2024', 10000), b2b('INV/802', '12-Aug-2024', 20000)] });
/** the amended INV/801 (taxable 10000 → 12000) and INV/803, missed in the GSTR-1 */
const GSTR1A = () => csvs('gstr1a', { b2ba: [B2BA, b2ba('INV/801', '05-Aug-2024', 12000)], b2b: [B2B, b2b('INV/803', '28-Aug-2024', 5000)] });

describe.each(Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[])('GSTR-1A through the emulator (%s)', (name) => {
  const start = async () => {
    emu = await startEmulator({
      credentials: { sandbox: { apiKey: SBX.apiKey, apiSecret: SBX.apiSecret }, whitebooks: { email: WB.email, clientId: WB.clientId, clientSecret: WB.clientSecret } },
    });
    return emu;
  };
  const run = (period: string, form?: ReturnForm) => ({
    gstin: GSTIN, period, otp: OTP, clock: CLOCK, poll: { intervalsMs: [1], maxWaitMs: 10 },
    provider: PROVIDERS[name](emu!.url), ...(form ? { form } : {}),
  });
  const file = (period: string, form?: ReturnForm) => fileReturn({ ...run(period, form), pan: PAN, evcOtp: OTP, confirm: true });

  it('a GSTR-1A for a period before July 2024 is refused: at validation, and before any call', async () => {
    const e = await start();
    const june = csvs('june', { b2b: [B2B, b2b('INV/601', '05-Jun-2024', 10000)] });
    const res = await uploadFiles(june, run('062024', 'gstr1a'));
    expect(res.status).toBe('refused');
    expect(res.result.findings.items.map((f) => [f.code, f.params])).toEqual([['GSTR1A_PERIOD', { period: '062024' }]]);
    await expect(uploadReturn({ ...run('062024', 'gstr1a'), payloads: ['{}'] })).rejects.toMatchObject({ code: 'UPLOAD_GSTR1A_PERIOD', params: { period: '062024' } });
    await expect(file('062024', 'gstr1a')).rejects.toMatchObject({ code: 'UPLOAD_GSTR1A_PERIOD' });
    expect(e.emulator.calls).toEqual({});
  });

  if (name === 'whitebooks') {
    it('files the GSTR-1, then a GSTR-1A with an amended and a missed invoice; GSTR-1A before the GSTR-1 is filed, or twice, is refused', async () => {
      const e = await start();
      const portal = e.emulator.portal;
      const aug = await uploadFiles(GSTR1(), run('082024'));
      expect(aug).toMatchObject({ status: 'uploaded', portalFindings: [] });

      // the GSTR-1 is saved but not filed: the GSTR-1A is refused before anything of it is sent
      await expect(uploadFiles(GSTR1A(), run('082024', 'gstr1a'))).rejects.toMatchObject({ code: 'UPLOAD_GSTR1A_GSTR1_NOT_FILED', params: { checked: 'portal' } });
      await expect(file('082024', 'gstr1a')).rejects.toMatchObject({ code: 'UPLOAD_GSTR1A_GSTR1_NOT_FILED' });
      expect(portal.state(GSTIN, '082024', 'gstr1a').counts).toMatchObject({ saves: 0, proceeds: 0, files: 0 });

      const gstr1 = await file('082024');
      expect(gstr1).toMatchObject({ status: 'filed', alreadyFiled: false });
      if (gstr1.status !== 'filed') return;

      // a first GSTR-1A upload with the amendment alone; status and reset are the GSTR-1A's
      const first = await uploadFiles(csvs('first', { b2ba: [B2BA, b2ba('INV/801', '05-Aug-2024', 11000)] }), run('082024', 'gstr1a'));
      expect(first).toMatchObject({ status: 'uploaded', portalFindings: [] });
      const st = await returnStatus(run('082024', 'gstr1a'));
      expect(st.chunks.map((c) => c.outcome)).toEqual(['processed']);
      expect(st.job).toMatchObject({ statusCd: 'P', action: 'SAVE' });
      expect(st.filed).toBeUndefined();
      expect((await resetReturn({ ...run('082024', 'gstr1a'), confirm: true })).outcome).toBe('processed');
      expect(portal.state(GSTIN, '082024', 'gstr1a').docs.size).toBe(0);
      expect(portal.state(GSTIN, '082024').docs.size).toBe(2);

      const amend = await uploadFiles(GSTR1A(), run('082024', 'gstr1a'));
      expect(amend).toMatchObject({ status: 'uploaded', portalFindings: [] });
      const gstr1a = await file('082024', 'gstr1a');
      expect(gstr1a).toMatchObject({ status: 'filed', alreadyFiled: false });
      if (gstr1a.status !== 'filed') return;
      expect(gstr1a.arn).not.toBe(gstr1.arn);
      expect(gstr1a.portal?.map((s) => [s.sec_nm, s.ttl_rec, s.ttl_tax])).toEqual([['B2B', 1, 5000], ['B2BA', 1, 12000]]);

      // what the portal holds: the GSTR-1 as filed, the GSTR-1A beside it
      const docs = (form?: ReturnForm) => [...portal.state(GSTIN, '082024', form).docs.values()].map((d) => [d.section, d.key.inum]);
      expect(docs()).toEqual([['b2b', 'INV/801'], ['b2b', 'INV/802']]);
      expect(docs('gstr1a')).toEqual([['b2b', 'INV/803'], ['b2ba', 'INV/801']]);

      // once per period: the journal refuses a second GSTR-1A before anything is sent
      const saves = portal.state(GSTIN, '082024', 'gstr1a').counts.saves;
      await expect(uploadFiles(GSTR1A(), run('082024', 'gstr1a'))).rejects.toMatchObject({ code: 'UPLOAD_ALREADY_FILED', params: { arn: gstr1a.arn, form: 'GSTR-1A' } });
      expect(portal.state(GSTIN, '082024', 'gstr1a').counts.saves).toBe(saves);
      // each form answers from its own journal
      expect(await file('082024', 'gstr1a')).toMatchObject({ status: 'filed', arn: gstr1a.arn, alreadyFiled: true });
      expect(await file('082024')).toMatchObject({ status: 'filed', arn: gstr1.arn, alreadyFiled: true });
    });
  } else {
    it('files the GSTR-1; its GSTR-1A is refused before any call, naming Sandbox (no documented GSTR-1A write path)', async () => {
      const e = await start();
      expect(await uploadFiles(GSTR1(), run('082024'))).toMatchObject({ status: 'uploaded', portalFindings: [] });
      expect(await file('082024')).toMatchObject({ status: 'filed' });
      const calls = { ...e.emulator.calls };
      const refusal = { code: 'UPLOAD_UNSUPPORTED', params: { provider: 'sandbox', op: 'GSTR-1A (save, proceed to file, file)' } };
      await expect(uploadFiles(GSTR1A(), run('082024', 'gstr1a'))).rejects.toMatchObject(refusal);
      await expect(file('082024', 'gstr1a')).rejects.toMatchObject(refusal);
      expect(e.emulator.calls).toEqual(calls);
      expect(e.emulator.portal.state(GSTIN, '082024', 'gstr1a').counts.saves).toBe(0);
    });
  }
});
