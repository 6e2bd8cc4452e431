/**
 * A quarterly (QRMP) filer's quarter through the emulator, on both providers' paths: the IFF of
 * months 1 and 2 saved and filed, the quarter's return (fp = the quarter's last month) saved and
 * filed, a section an IFF cannot take refused locally at its sheet, and an invoice repeated from
 * month 1 in month 2 refused by the portal (RET191111) and reported at its cell; the month is then
 * reset, saved again without it, and filed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uploadFiles } from '../../src/api/upload.js';
import { startEmulator, type RunningEmulator } from '../../src/upload/emulator/index.js';
import sandbox from '../../src/upload/providers/sandbox.js';
import whitebooks from '../../src/upload/providers/whitebooks.js';
import { fileReturn, resetReturn, type RunOptions } from '../../src/upload/run.js';
import { GSTIN, OTP, PAN } from './provider-contract.js';

const SBX = { apiKey: 'key_live_qrmp1', apiSecret: 'secret_live_qrmp1', gstUsername: 'taxpayer_qrmp' };
const WB = { email: 'accounts@example.in', clientId: 'wb-client-qrmp', clientSecret: 'wb-secret-qrmp-4d2a', gstUsername: 'taxpayer_qrmp' };
const RECIPIENT = '29AAACR5055K1Z3';

const PROVIDERS = {
  sandbox: (url: string, http: RunOptions['clock'] & object) => sandbox({ baseUrl: url, credentials: SBX, http: { timeoutMs: 2000, retries: 1, backoffMs: 1, clock: http } }),
  whitebooks: (url: string, http: RunOptions['clock'] & object) => whitebooks({ baseUrl: url, credentials: WB, http: { timeoutMs: 2000, retries: 1, backoffMs: 1, clock: http } }),
} as const;

let emu: RunningEmulator | undefined;
beforeEach(() => {
  vi.stubEnv('GSTR1_HOME', mkdtempSync(join(tmpdir(), 'gstr1-qrmp-home-')));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emu?.close();
  emu = undefined;
});

const B2B_HEAD = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const b2bLine = (inum: string, date: string) => `${RECIPIENT},Kaveri,${inum},${date},11800,29-Karnataka,N,,Regular B2B,,18,10000,`;
const B2CS = 'Type,Place Of Supply,Applicable % of Tax Rate,Rate,Taxable Value,Cess Amount,E-Commerce GSTIN\nOE,27-Maharashtra,,18,5000,,\n';

/** One month's spreadsheets as CSVs in their own folder. */
function month(name: string, b2b: string[], b2cs = false): string[] {
  const dir = join(mkdtempSync(join(tmpdir(), 'gstr1-qrmp-')), name);
  mkdirSync(dir);
  const files = [join(dir, 'b2b.csv')];
  writeFileSync(files[0]!, `${B2B_HEAD}\n${b2b.join('\n')}\n`);
  if (b2cs) {
    files.push(join(dir, 'b2cs.csv'));
    writeFileSync(files[1]!, B2CS);
  }
  return files;
}

describe.each(Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[])('QRMP quarter through the emulator (%s)', (name) => {
  it('IFF months 1 and 2, then the quarter\'s return; a repeated invoice is refused at its cell', async () => {
    emu = await startEmulator({
      quarterly: true,
      credentials: { sandbox: { apiKey: SBX.apiKey, apiSecret: SBX.apiSecret }, whitebooks: { email: WB.email, clientId: WB.clientId, clientSecret: WB.clientSecret } },
    });
    const clock = { sleep: async () => undefined, random: () => 0.5 };
    const run = (period: string) => ({
      gstin: GSTIN, period, otp: OTP, clock, poll: { intervalsMs: [1], maxWaitMs: 10 }, quarterly: true,
      provider: PROVIDERS[name](emu!.url, clock),
    });
    const file = async (period: string) => fileReturn({ ...run(period), pan: PAN, evcOtp: OTP, confirm: true });

    // month 1 (October 2024): an IFF
    const oct = await uploadFiles(month('oct', [b2bLine('INV/101', '05-Oct-2024'), b2bLine('INV/102', '20-Oct-2024')]), run('102024'));
    expect(oct.status).toBe('uploaded');
    if (oct.status !== 'uploaded') return;
    expect(oct.portalFindings).toEqual([]);
    expect(await file('102024')).toMatchObject({ status: 'filed' });

    // month 2: B2C supplies cannot go in an IFF (refused before anything is sent)
    const withB2cs = await uploadFiles(month('nov-b2cs', [b2bLine('INV/111', '04-Nov-2024')], true), run('112024'));
    expect(withB2cs.status).toBe('refused');
    expect(withB2cs.result.findings.items.map((f) => [f.code, f.sheet])).toEqual([['IFF_SECTION', 'b2cs']]);
    expect(emu.emulator.portal.state(GSTIN, '112024').counts.saves).toBe(0);

    // month 2 again, with an October invoice repeated: the portal refuses it, at its row
    const nov = await uploadFiles(month('nov', [b2bLine('INV/111', '04-Nov-2024'), b2bLine('INV/101', '05-Oct-2024')]), run('112024'));
    expect(nov.status).toBe('uploaded');
    if (nov.status !== 'uploaded') return;
    expect(nov.portalFindings.map((f) => [f.code, f.sheet, f.row, f.column, f.portalMessage])).toEqual([
      ['RET191111', 'b2b,sez,de', 3, 'Invoice Number', 'Invoice No. INV/101 already exist in GSTR 1 of 102024'],
    ]);
    // the portal holds less than was sent: filing is refused until the month is put right
    expect(await file('112024')).toMatchObject({ status: 'mismatch' });
    expect((await resetReturn({ ...run('112024'), confirm: true })).outcome).toBe('processed');
    const fixed = await uploadFiles(month('nov-fixed', [b2bLine('INV/111', '04-Nov-2024')]), run('112024'));
    expect(fixed).toMatchObject({ status: 'uploaded', portalFindings: [] });
    expect(await file('112024')).toMatchObject({ status: 'filed' });

    // the quarter's return (fp 122024) takes the rest, B2C included
    const dec = await uploadFiles(month('dec', [b2bLine('INV/121', '09-Dec-2024')], true), run('122024'));
    expect(dec.status).toBe('uploaded');
    if (dec.status !== 'uploaded') return;
    expect(dec.portalFindings).toEqual([]);
    expect(await file('122024')).toMatchObject({ status: 'filed' });

    const portal = emu.emulator.portal;
    expect(['102024', '112024', '122024'].map((fp) => [...portal.state(GSTIN, fp).docs.values()].map((e) => e.key.inum ?? e.section))).toEqual([
      ['INV/101', 'INV/102'], ['INV/111'], ['INV/121', 'b2cs'],
    ]);
  });
});
