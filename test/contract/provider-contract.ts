/**
 * The provider contract: one behavioural suite every adapter runs against the emulator on port 0
 * at 127.0.0.1 (convention 13). `providerContract(target)` registers it; each adapter's test file
 * calls it and may add its own cases. Time is injected (no real waiting beyond loopback I/O).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gstinCheckChar } from '../../src/model/gstin.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/upload/emulator/index.js';
import { ProviderError, UploadError } from '../../src/upload/errors.js';
import type { ProviderName } from '../../src/upload/config.js';
import type { HttpOptions } from '../../src/upload/fetch.js';
import { contentHash, destinationId, journalPaths, readJournal } from '../../src/upload/journal.js';
import { Redactor } from '../../src/upload/redact.js';
import { ARN_UNKNOWN, arnWords } from '../../src/upload/arn.js';
import { fileReturn, resetReturn, returnStatus, uploadReturn, type RunOptions } from '../../src/upload/run.js';
import { destinationOf } from '../../src/upload/run-context.js';
import { computeTotals } from '../../src/upload/totals.js';
import type { Logger, Provider } from '../../src/upload/types.js';

/** What the adapter under test is built from. */
export interface AdapterFactoryInput {
  readonly baseUrl: string;
  readonly redactor: Redactor;
  readonly log?: Logger;
  readonly http: HttpOptions;
}

export interface ContractTarget {
  /** suite name, e.g. "provider: whitebooks" */
  readonly name: string;
  /** builds the adapter for the emulator at `baseUrl` */
  readonly create: (input: AdapterFactoryInput) => Provider;
  /** every credential value the factory uses (they must never leak) */
  readonly secrets: readonly string[];
  /** emulator options checking those credentials */
  readonly credentials: EmulatorOptions['credentials'];
  /** the provider's name and the environment that gives createProvider the same credentials */
  readonly providerName: ProviderName;
  readonly env: Readonly<Record<string, string>>;
  /** more cases, with the same helpers */
  readonly additionalTests?: (h: ContractHelpers) => void;
}

// ---------------------------------------------------------------------------------- test data

export const GSTIN = '27AAACR5055K1Z7';
export const PAN = 'AAACR5055K';
export const PERIOD = '032025';
export const OTP = '575757';
const valid = (s: string) => s + gstinCheckChar(s);
export const CTIN_A = valid('29AABCT1332L1Z');
export const CTIN_B = valid('07AAGFF2194N1Z');

const inv = (inum: string, txval: number, rt = 18, idt = '15-03-2025') => ({
  inum, idt, val: txval * (1 + rt / 100), pos: '29', rchrg: 'N', inv_typ: 'R',
  itms: [{ num: 1, itm_det: { rt, txval, iamt: (txval * rt) / 100, csamt: 0 } }],
});

/** Two chunks: b2b invoices, then b2cs + hsn. */
export function samplePayloads(): string[] {
  return [
    JSON.stringify({ gstin: GSTIN, fp: PERIOD, b2b: [{ ctin: CTIN_A, inv: [inv('INV-1', 1000), inv('INV-2', 2000, 5)] }] }),
    JSON.stringify({
      gstin: GSTIN, fp: PERIOD,
      b2b: [{ ctin: CTIN_B, inv: [inv('INV-3', 500, 12)] }],
      b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 100, camt: 9, samt: 9, csamt: 0 }],
      hsn: { data: [{ num: 1, hsn_sc: '8471', desc: 'Computers', uqc: 'NOS', qty: 3, rt: 18, txval: 3000, iamt: 540, camt: 0, samt: 0, csamt: 0 }] },
    }),
  ];
}

/** A chunk the portal processes with errors: a bad recipient GSTIN and a rate not in the list. */
export function payloadWithErrors(): string {
  return JSON.stringify({
    gstin: GSTIN, fp: PERIOD,
    b2b: [
      { ctin: CTIN_A, inv: [inv('INV-10', 1000)] },
      { ctin: '29AABCT1332L1ZZ', inv: [inv('INV-11', 1000)] },
    ],
    b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 13, txval: 100, camt: 6.5, samt: 6.5, csamt: 0 }],
    hsn: { data: [{ num: 1, hsn_sc: '8471', desc: 'Computers', uqc: 'NOS', qty: 1, rt: 18, txval: 1000, iamt: 250, camt: 0, samt: 0, csamt: 0 }] },
    // Table 13 counts the documents the HSN row can summarise: Rs 70 off is more than their rounding
    doc_issue: { doc_det: [{ doc_num: 1, doc_typ: 'Invoices for outward supply', docs: [{ num: 1, from: 'INV-10', to: 'INV-11', totnum: 2, cancel: 0, net_issue: 2 }] }] },
  });
}

// ---------------------------------------------------------------------------------- helpers

export interface Harness {
  readonly emu: RunningEmulator;
  readonly dir: string;
  readonly sleeps: number[];
  readonly logs: string[];
  readonly redactor: Redactor;
  readonly http: HttpOptions;
  provider(): Provider;
  /** options for the run functions: this provider, OTP 575757, instant polling */
  run(extra?: Partial<RunOptions>): RunOptions;
  counts(): { saves: number; savesApplied: number; resets: number; proceeds: number; files: number; filed: number };
  /** the journal of this return at the emulator */
  journalFile(): string;
  journalText(): string;
}

export interface ContractHelpers {
  setup(opts?: EmulatorOptions & { verbose?: boolean; timeoutMs?: number }): Promise<Harness>;
}

export function providerContract(target: ContractTarget): void {
  describe(target.name, () => {
    const open: RunningEmulator[] = [];
    afterEach(async () => {
      while (open.length) await open.pop()!.close();
    });

    const setup: ContractHelpers['setup'] = async (o = {}) => {
      const { verbose, timeoutMs, ...emuOpts } = o;
      const emu = await startEmulator({ credentials: target.credentials, ...emuOpts });
      open.push(emu);
      const dir = mkdtempSync(join(tmpdir(), 'gstr1-contract-'));
      const sleeps: number[] = [];
      const logs: string[] = [];
      const redactor = new Redactor();
      const clock = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 };
      const http: HttpOptions = { timeoutMs: timeoutMs ?? 2000, retries: 3, backoffMs: 100, clock };
      let provider: Provider | undefined;
      const make = () =>
        (provider ??= target.create({ baseUrl: emu.url, redactor, http, ...(verbose ? { log: (l: string) => logs.push(l) } : {}) }));
      return {
        emu, dir, sleeps, logs, redactor, http,
        provider: make,
        run: (extra = {}) => ({
          gstin: GSTIN, period: PERIOD, provider: make(), otp: OTP, journalDir: dir, lockDir: dir, redactor,
          poll: { intervalsMs: [1], maxWaitMs: 10 }, clock,
          ...(verbose ? { log: (l: string) => logs.push(l) } : {}),
          ...extra,
        }),
        counts: () => emu.emulator.portal.state(GSTIN, PERIOD).counts,
        journalFile: () => journalPaths(dir, { gstin: GSTIN, period: PERIOD }, destinationOf(make(), {})).journal,
        journalText: () => readFileSync(journalPaths(dir, { gstin: GSTIN, period: PERIOD }, destinationOf(make(), {})).journal, 'utf8'),
      };
    };

    const fileOpts = (h: Harness, payloads: readonly string[], extra: Record<string, unknown> = {}) => ({
      ...h.run(), pan: PAN, evcOtp: OTP, confirm: true, savedTotals: computeTotals(payloads), ...extra,
    });

    it('files a return: OTP → save → status → proceed → summary → EVC OTP → file → ARN', async () => {
      const h = await setup();
      const payloads = samplePayloads();
      const otpAsked: number[] = [];
      const up = await uploadReturn({ ...h.run({ otp: async () => (otpAsked.push(1), OTP) }), payloads });
      expect(up.complete).toBe(true);
      expect(up.chunks.map((c) => c.outcome)).toEqual(['processed', 'processed']);
      expect(up.chunks.every((c) => c.referenceId && !c.resumed)).toBe(true);
      expect(otpAsked).toHaveLength(1);

      let seen: unknown;
      const filed = await fileReturn({
        ...fileOpts(h, payloads),
        confirm: async (check) => {
          seen = check;
          return true;
        },
      });
      expect(filed.status).toBe('filed');
      if (filed.status !== 'filed') return;
      expect(filed.arn).toMatch(/^AA27\d{4}\d{7}$/);
      expect(filed.alreadyFiled).toBe(false);
      expect(seen).toMatchObject({ differences: [] });
      expect(filed.summary?.sec_sum.map((s) => s.sec_nm)).toEqual(['B2B', 'B2CS', 'HSN']);
      expect(h.emu.emulator.portal.state(GSTIN, PERIOD).filed?.arn).toBe(filed.arn);

      // the journal records the steps, and a second run never files twice
      const steps = (await readJournal(h.journalFile())).map((r) => r.step);
      for (const s of ['session', 'chunk_sending', 'chunk_saved', 'chunk_status', 'proceed_requested', 'proceed', 'summary', 'evc_otp_requested', 'file_requested', 'filed']) {
        expect(steps).toContain(s);
      }
      const again = await fileReturn(fileOpts(h, payloads));
      expect(again).toMatchObject({ status: 'filed', arn: filed.arn, alreadyFiled: true });
      expect(h.counts().files).toBe(1);

      // the period is locked: saves are refused (by the journal, and by the portal)
      await expect(uploadReturn({ ...h.run(), payloads })).rejects.toMatchObject({ kind: 'already_filed' });
      const fresh = await setupFreshRunDir(h);
      await expect(uploadReturn({ ...h.run({ journalDir: fresh }), payloads })).rejects.toMatchObject({ kind: 'already_filed', providerCode: 'AUTH117' });
    });

    it('processed with errors: the error report comes back per document, and filing is refused on the difference', async () => {
      const h = await setup();
      const bad = payloadWithErrors();
      const up = await uploadReturn({ ...h.run(), payloads: [bad] });
      const c = up.chunks[0]!;
      expect(c.outcome).toBe('processed_with_errors');
      expect(c.statusCd).toBe('PE');
      const codes = c.errors.map((e) => `${e.key.section}:${e.code}`).sort();
      expect(codes).toEqual(['b2b:RET191113', 'b2cs:RET191175', 'hsn:RET91708']);
      expect(c.errors.find((e) => e.code === 'RET191113')?.key).toMatchObject({ ctin: '29AABCT1332L1ZZ', inum: 'INV-11' });
      // group-level code on b2b, row-level on b2cs, hsn as a list of wrappers
      const report = c.errorReport as Record<string, Record<string, unknown>[]>;
      expect(report.b2b![0]).toMatchObject({ ctin: '29AABCT1332L1ZZ', error_cd: 'RET191113' });
      expect(report.b2cs![0]).toMatchObject({ pos: '27', rt: 13, error_cd: 'RET191175' });
      expect(report.hsn![0]).toMatchObject({ error_cd: 'RET91708', data: [{ hsn_sc: '8471' }] });

      const res = await fileReturn(fileOpts(h, [bad]));
      expect(res.status).toBe('mismatch');
      if (res.status === 'mismatch') expect(res.differences.map((d) => d.sec_nm)).toContain('B2B');
      expect(h.counts().files).toBe(0);
    });

    it('rejected (ER): a structural failure stores nothing', async () => {
      const h = await setup();
      const up = await uploadReturn({ ...h.run(), payloads: [JSON.stringify({ gstin: GSTIN, b2b: [] })] });
      expect(up.chunks[0]).toMatchObject({ outcome: 'rejected', statusCd: 'ER' });
      expect(up.chunks[0]!.errors).toEqual([{ key: { section: '' }, code: 'RET191106', message: expect.stringContaining('Json structure') }]);
      expect(h.emu.emulator.portal.state(GSTIN, PERIOD).docs.size).toBe(0);
    });

    it('retries a read on 5xx with backoff, and a write on 429 after Retry-After', async () => {
      const h = await setup({ faults: { status: { httpError: { status: 503, times: 2 } }, save: { rateLimit: { times: 1, retryAfterSec: 3 } } } });
      const up = await uploadReturn({ ...h.run(), payloads: samplePayloads().slice(0, 1) });
      expect(up.chunks[0]!.outcome).toBe('processed');
      expect(h.sleeps).toContain(3000); // Retry-After honoured
      expect(h.sleeps.filter((ms) => ms >= 50 && ms <= 200).length).toBeGreaterThanOrEqual(2); // backoff 100·2^n with jitter
      expect(h.counts()).toMatchObject({ saves: 1, savesApplied: 1 });
    });

    it('a 5xx on a save is checked against the summary before the save is sent again', async () => {
      const h = await setup({ faults: { save: { httpError: { status: 500, times: 1 } } } });
      const up = await uploadReturn({ ...h.run(), payloads: samplePayloads().slice(0, 1) });
      expect(up.chunks[0]!.outcome).toBe('processed');
      expect(h.emu.emulator.calls.save).toBe(2);
      expect(h.counts().savesApplied).toBe(1);
    });

    it('a lost reply on a save that was applied: confirmed by the summary per section, no duplicate save', async () => {
      const h = await setup({ faults: { save: { lostReply: { times: 1, mode: 'drop' } } } });
      const up = await uploadReturn({ ...h.run(), payloads: samplePayloads().slice(0, 1) });
      expect(up.chunks[0]!.outcome).toBe('processed');
      expect(up.complete).toBe(true);
      expect(h.emu.emulator.calls.save).toBe(1);
      expect(h.counts().savesApplied).toBe(1);
      // the next run does not send it again either
      const again = await uploadReturn({ ...h.run(), payloads: samplePayloads().slice(0, 1) });
      expect(again.chunks[0]).toMatchObject({ outcome: 'processed', resumed: true });
      expect(h.emu.emulator.calls.save).toBe(1);
    });

    it('a lost reply on a save the portal processed with errors (PE) is resolved, never reported as received', async () => {
      const h = await setup({ faults: { save: { lostReply: { times: 1, mode: 'drop' } } } });
      const up = await uploadReturn({ ...h.run(), payloads: [payloadWithErrors()] });
      // the summary shows fewer documents than were sent: the chunk is saved again (the same
      // documents replace themselves) and that save's status brings the error report back
      expect(up.chunks[0]).toMatchObject({ outcome: 'processed_with_errors', statusCd: 'PE' });
      expect(up.chunks[0]!.errors.map((e) => e.code).sort()).toEqual(['RET191113', 'RET191175', 'RET91708']);
      expect(h.emu.emulator.calls.save).toBe(2);
      expect(h.counts().savesApplied).toBe(2);
    });

    it('a timeout after the save was applied (reply never sent): no duplicate save', async () => {
      const h = await setup({ timeoutMs: 150, faults: { save: { lostReply: { times: 1, mode: 'hang', hangMs: 5000 } } } });
      const up = await uploadReturn({ ...h.run(), payloads: samplePayloads().slice(0, 1) });
      expect(up.chunks[0]!.outcome).toBe('processed');
      expect(h.counts().savesApplied).toBe(1);
    });

    it('a connection dropped before the save was applied: checked, then sent again', async () => {
      const h = await setup({ faults: { save: { dropBeforeApply: { times: 1 } } } });
      const up = await uploadReturn({ ...h.run(), payloads: samplePayloads().slice(0, 1) });
      expect(up.chunks[0]!.outcome).toBe('processed');
      expect(h.emu.emulator.calls.save).toBe(2);
      expect(h.counts().savesApplied).toBe(1);
    });

    it('a session expiring mid-run is reopened with a new OTP', async () => {
      const h = await setup({ faults: { status: { expireSession: { times: 1 } } } });
      let asked = 0;
      const otp = async () => (asked++, OTP);
      const up = await uploadReturn({ ...h.run({ otp }), payloads: samplePayloads() });
      expect(up.complete).toBe(true);
      expect(asked).toBe(2);
      expect(h.counts().savesApplied).toBe(2);
      // six hours later the same adapter's session is gone too
      h.emu.emulator.advance(7 * 3600_000);
      const filed = await fileReturn({ ...fileOpts(h, samplePayloads()), otp });
      expect(filed.status).toBe('filed');
      expect(asked).toBe(3);
      expect(h.journalText()).toContain('"session_expired"');
    });

    it('without an OTP source a session cannot be opened: otp_required', async () => {
      const h = await setup();
      const { otp: _drop, ...noOtp } = h.run();
      await expect(uploadReturn({ ...noOtp, payloads: samplePayloads() })).rejects.toMatchObject({ kind: 'otp_required', code: 'UPLOAD_OTP_REQUIRED' });
    });

    it('resumes after a crash: a chunk left in progress is polled, not saved again', async () => {
      const h = await setup({ faults: { status: { stuckInProgress: true } } });
      const payloads = samplePayloads();
      const first = await uploadReturn({ ...h.run(), payloads });
      expect(first.complete).toBe(false);
      expect(first.chunks).toHaveLength(1);
      expect(first.chunks[0]).toMatchObject({ outcome: 'in_progress' });
      // the process "dies" holding the lock: a lock file with a pid that no longer runs
      writeFileSync(journalPaths(h.dir, { gstin: GSTIN, period: PERIOD }).lock, JSON.stringify({ pid: await deadPid(), host: (await import('node:os')).hostname(), token: 'x', started: 'earlier' }));
      h.emu.emulator.clearFaults();
      const second = await uploadReturn({ ...h.run(), payloads });
      expect(second.complete).toBe(true);
      expect(second.chunks[0]).toMatchObject({ outcome: 'processed', resumed: true, referenceId: first.chunks[0]!.referenceId });
      expect(second.chunks[1]).toMatchObject({ outcome: 'processed', resumed: false });
      expect(h.counts().savesApplied).toBe(2);
      // and a third run sends nothing
      const third = await uploadReturn({ ...h.run(), payloads });
      expect(third.chunks.every((c) => c.resumed)).toBe(true);
      expect(h.emu.emulator.calls.save).toBe(2);
    });

    it('resumes after a crash between sending a save and its reply: the summary shows it arrived', async () => {
      const h = await setup();
      const [payload] = samplePayloads();
      const before = h.emu.emulator.portal.summaryOf(h.emu.emulator.portal.state(GSTIN, PERIOD), false).chksum as string;
      // the crashed run had written "sending" (with what the chunk held) and the portal had applied the save
      const sending = { step: 'chunk_sending', index: 1, hash: contentHash(payload!), bytes: 1, checkpoint: before, totals: computeTotals([payload!]), t: 'x', v: 1 };
      writeFileSync(h.journalFile(), `${JSON.stringify(sending)}\n{"step":"chunk_sa`);
      expect(h.emu.emulator.portal.save(GSTIN, PERIOD, payload!).ok).toBe(true);
      const up = await uploadReturn({ ...h.run(), payloads: [payload!] });
      expect(up.chunks[0]).toMatchObject({ outcome: 'processed', resumed: true });
      expect(h.counts().savesApplied).toBe(1);
    });

    it('a lock file keeps two runs on the same return from interleaving', async () => {
      const h = await setup({ faults: { status: { latencyMs: 60 } } });
      const a = uploadReturn({ ...h.run(), payloads: samplePayloads() });
      await waitFor(() => h.emu.emulator.calls.save === 1);
      await expect(uploadReturn({ ...h.run(), payloads: samplePayloads() })).rejects.toMatchObject({ code: 'UPLOAD_LOCKED', params: { pid: process.pid } });
      await expect(resetReturn(h.run())).rejects.toBeInstanceOf(UploadError);
      expect((await a).complete).toBe(true);
      // status still answers from the journal while locked
      expect(h.counts().savesApplied).toBe(2);
    });

    it('reset clears the period (saves wait while RESET is in progress) and chunks are sent again', async () => {
      const h = await setup();
      const payloads = samplePayloads();
      await uploadReturn({ ...h.run(), payloads });
      expect(await resetReturn({ ...h.run(), confirm: async () => false })).toEqual({ outcome: 'cancelled' });
      const r = await resetReturn({ ...h.run(), confirm: true });
      expect(r.outcome).toBe('processed');
      expect(h.emu.emulator.portal.state(GSTIN, PERIOD).docs.size).toBe(0);
      h.emu.emulator.setFault('save', { resetInProgress: { times: 1 } });
      const up = await uploadReturn({ ...h.run(), payloads });
      expect(up.chunks.map((c) => [c.outcome, c.resumed])).toEqual([['processed', false], ['processed', false]]);
      expect(h.counts().savesApplied).toBe(4);
    });

    it('a document number that holds the OTP by chance is kept whole in the journal, so its portal error finds its row', async () => {
      const h = await setup();
      // the portal refuses the invoice of the bad GSTIN, numbered with the OTP's digits
      await uploadReturn({ ...h.run(), payloads: [payloadWithErrors().replace('INV-11', `INV/${OTP}`)] });
      const st = await returnStatus(h.run());
      expect(st.chunks[0]!.errors.map((e) => e.key.inum).filter(Boolean)).toContain(`INV/${OTP}`);
      expect(h.journalText()).toContain(`INV/${OTP}`);
      // the OTP itself, where it stands alone, is still never written
      expect(h.journalText()).not.toMatch(new RegExp(`(?<![\\w/.-])${OTP}(?![\\w/.-])`));
    });

    it('status: the journal view, the pending request, unknown reference ids, and the tracker', async () => {
      const h = await setup();
      await uploadReturn({ ...h.run(), payloads: [payloadWithErrors()] });
      const st = await returnStatus({ ...h.run(), track: true });
      expect(st.chunks[0]).toMatchObject({ outcome: 'processed_with_errors', resumed: true });
      expect(st.job?.outcome).toBe('processed_with_errors');
      expect(st.job?.errors.length).toBe(3);
      // the tracker lists the return as "Not Filed" (the word filed in it does not make it filed)
      expect(st.track).toEqual({ filed: false, status: 'Not Filed' });
      await expect(returnStatus({ ...h.run(), referenceId: 'no-such-reference' })).rejects.toMatchObject({ kind: 'unknown_reference' });
    });

    it('a summary made stale by a save after proceed to file: proceed again, then file', async () => {
      const h = await setup();
      const payloads = samplePayloads();
      await uploadReturn({ ...h.run(), payloads });
      let confirms = 0;
      const res = await fileReturn({
        ...fileOpts(h, payloads),
        confirm: async () => {
          // someone saves the same data again between the summary and the filing
          if (confirms++ === 0) h.emu.emulator.portal.save(GSTIN, PERIOD, payloads[0]!);
          return true;
        },
      });
      expect(res.status).toBe('filed');
      expect(confirms).toBe(2);
      expect(h.counts().proceeds).toBe(2);
    });

    it('EVC: a wrong OTP is asked again; a PAN that is not a signatory is refused', async () => {
      const h = await setup();
      const payloads = samplePayloads();
      await uploadReturn({ ...h.run(), payloads });
      await expect(fileReturn({ ...fileOpts(h, payloads), pan: 'ZZZZZ9999Z' })).rejects.toMatchObject({ kind: 'not_signatory', providerCode: 'OTP0010' });
      const answers = ['111111', OTP];
      const res = await fileReturn({ ...fileOpts(h, payloads), evcOtp: async () => answers.shift()! });
      expect(res.status).toBe('filed');
      expect(answers).toHaveLength(0);
    });

    it('a lost reply on filing is checked with the return tracker: never filed twice', async () => {
      const h = await setup({ faults: { file: { lostReply: { times: 1, mode: 'drop' } } } });
      const payloads = samplePayloads();
      await uploadReturn({ ...h.run(), payloads });
      const res = await fileReturn(fileOpts(h, payloads));
      expect(res).toMatchObject({ status: 'filed' });
      expect(h.emu.emulator.calls.file).toBe(1);
      expect(h.counts().filed).toBe(1);
    });

    it('filed, the tracker giving no ARN: said so, never as an ARN, and the ARN taken once the tracker gives it', async () => {
      const h = await setup({ faults: { file: { lostReply: { times: 1, mode: 'drop' } } } });
      const payloads = samplePayloads();
      await uploadReturn({ ...h.run(), payloads });
      const p = h.provider();
      // the same provider, whose tracker leaves the ARN out
      const silent: Provider = Object.create(p);
      silent.track = async (ret) => {
        const t = await p.track!(ret);
        return { filed: t.filed, ...(t.status ? { status: t.status } : {}) };
      };
      expect(await fileReturn(fileOpts(h, payloads, { provider: silent }))).toMatchObject({ status: 'filed', arn: ARN_UNKNOWN });
      expect(arnWords(ARN_UNKNOWN)).not.toMatch(/ARN unknown/);
      // the next run asks the tracker again, and keeps the ARN it now gives
      const again = await fileReturn(fileOpts(h, payloads));
      expect(again).toMatchObject({ status: 'filed', alreadyFiled: true, arn: expect.stringMatching(/^AA/) });
      expect((await returnStatus(h.run())).filed?.arn).toBe((again as { arn: string }).arn);
      expect(h.emu.emulator.calls.file).toBe(1);
    });

    it('a lost reply on proceed to file is checked with the summary', async () => {
      const h = await setup({ faults: { proceed: { lostReply: { times: 1, mode: 'drop' } } } });
      const payloads = samplePayloads();
      await uploadReturn({ ...h.run(), payloads });
      const res = await fileReturn(fileOpts(h, payloads));
      expect(res.status).toBe('filed');
      expect(h.emu.emulator.calls.proceed).toBe(1);
    });

    it('by name: credentials from the environment; the session is kept between runs only when asked', async () => {
      const h = await setup();
      let asked = 0;
      const byName = (keepSession: boolean) => h.run({ provider: target.providerName, baseUrl: h.emu.url, env: target.env, http: h.http, keepSession, otp: async () => (asked++, OTP) });
      await uploadReturn({ ...byName(true), payloads: samplePayloads().slice(0, 1) });
      await uploadReturn({ ...byName(true), payloads: samplePayloads() });
      expect(asked).toBe(1);
      const cached = join(h.dir, `${GSTIN}.${target.providerName}-${destinationId(destinationOf(h.provider(), {}))}.session.json`);
      if (process.platform !== 'win32') expect(statSync(cached).mode & 0o777).toBe(0o600);
      expect(h.journalText()).not.toContain(JSON.parse(readFileSync(cached, 'utf8')).txn ?? JSON.parse(readFileSync(cached, 'utf8')).token);
      await returnStatus({ ...byName(false), journalDir: mkdtempSync(join(tmpdir(), 'gstr1-nokeep-')), track: true });
      expect(asked).toBe(2);
      expect(h.emu.emulator.calls.logout).toBe(1); // a session the run opened itself is closed
      await expect(uploadReturn({ ...byName(false), baseUrl: 'http://example.com', payloads: [] })).rejects.toMatchObject({ code: 'UPLOAD_INSECURE_URL' });
    });

    it('never lets a secret, OTP or token into logs, the journal or errors', async () => {
      const h = await setup({ verbose: true, faults: { status: { expireSession: { times: 1 } }, save: { httpError: { status: 502, times: 1 } } } });
      const payloads = samplePayloads();
      const errors: string[] = [];
      await uploadReturn({ ...h.run(), payloads });
      const evc = ['654321', OTP];
      await fileReturn({ ...fileOpts(h, payloads), evcOtp: async () => evc.shift()! });
      // failures carry redacted details only (started one at a time: a second promise rejecting
      // while the first is awaited would be an unhandled rejection)
      for (const p of [
        () => returnStatus({ ...h.run(), referenceId: 'nope' }),
        () => fileReturn({ ...fileOpts(h, payloads), pan: 'ZZZZZ9999Z', journalDir: mkdtempSync(join(tmpdir(), 'gstr1-x-')) }),
      ]) {
        try {
          await p();
        } catch (e) {
          errors.push(String(e), JSON.stringify(e), e instanceof ProviderError ? JSON.stringify(e.params) : '');
        }
      }
      const text = [h.logs.join('\n'), h.journalText(), errors.join('\n')].join('\n');
      expect(h.logs.join('\n')).toMatch(/→ (PUT|POST) /); // the log is real
      const secrets = [...target.secrets, OTP, '654321', ...h.emu.emulator.issued];
      expect(h.emu.emulator.issued.length).toBeGreaterThanOrEqual(2);
      for (const s of secrets) expect(text, `secret ${s.slice(0, 3)}… leaked`).not.toContain(s);
    });

    target.additionalTests?.({ setup });
  });
}

async function setupFreshRunDir(_h: Harness): Promise<string> {
  return mkdtempSync(join(tmpdir(), 'gstr1-fresh-'));
}

/** The pid of a process that has exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((r) => child.on('exit', r));
  return pid;
}

export async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
