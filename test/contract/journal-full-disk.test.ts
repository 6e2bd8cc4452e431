/**
 * A journal that cannot be written (a full disk) on the filing path: the run stops with a plain
 * error naming the journal, never an internal error; a filing the portal made is still reported
 * with its ARN and never retried; and the next run, with space again, goes on from what the portal
 * has. A session that cannot be kept is a notice, not a stop. Each hint advises what cures the
 * failure it met: free space for a full disk only. The disk is simulated: once `disk.failOn` is
 * set, a journal line matching it fails to write as a full disk fails it (ENOSPC from the file
 * handle, naming no file), or as `disk.error` says; with `disk.sessions`, session files cannot be
 * written.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Params } from '../../src/model/finding.js';

const disk = vi.hoisted(() => ({ failOn: undefined as RegExp | undefined, failed: 0, sessions: false, error: 'ENOSPC' as keyof typeof FAILURES }));
/** How a write fails, by `disk.error`: as Node words each (EBADF is not one the tool names: an error it reports by its words) */
const FAILURES = {
  ENOSPC: ['no space left on device', -28],
  EIO: ['i/o error', -5],
  EROFS: ['read-only file system', -30],
  EBADF: ['bad file descriptor', -9],
} as const;
const full = () => {
  const [words, errno] = FAILURES[disk.error];
  return Object.assign(new Error(`${disk.error}: ${words}, write`), { code: disk.error, errno, syscall: 'write' });
};

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (p: string, flags?: string, mode?: number) => {
    const fh = await fs.open(p, flags, mode);
    if (!String(p).endsWith('.jsonl')) return fh;
    const writeFile = fh.writeFile.bind(fh);
    const write = fh.write.bind(fh) as (...a: unknown[]) => Promise<unknown>;
    const failing = (data: unknown) => {
      if (!disk.failOn?.test(String(data))) return false;
      disk.failed++;
      return true;
    };
    return Object.assign(fh, {
      writeFile: async (data: string, opts?: object) => {
        if (failing(data)) throw full();
        return writeFile(data, opts as never);
      },
      write: async (data: unknown, ...rest: unknown[]) => {
        if (failing(data)) throw full();
        return write(data, ...rest);
      },
    });
  };
  const writeFile = async (p: string, data: string, opts?: object) => {
    if (disk.sessions && String(p).endsWith('.session.json')) {
      await fs.writeFile(p, String(data).slice(0, 5));
      throw full();
    }
    return fs.writeFile(p, data, opts as never);
  };
  return { ...fs, default: { ...fs, open, writeFile }, open, writeFile };
});

const { startEmulator } = await import('../../src/upload/emulator/index.js');
const { default: sandbox } = await import('../../src/upload/providers/sandbox.js');
const { fileReturn, uploadReturn } = await import('../../src/upload/run.js');
const { GSTIN, OTP, PAN, PERIOD, samplePayloads } = await import('./provider-contract.js');
const { hintOf, messageOf } = await import('../../src/report/messages/index.js');
const { gstr1, stubSandboxCredentials } = await import('../helpers/portal-cli.js');
type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>;

const credentials = { apiKey: 'key_live_fulldisk1', apiSecret: 'secret_live_fulldisk1', gstUsername: 'taxpayer_fulldisk' };
let emu: RunningEmulator;
beforeEach(async () => {
  stubSandboxCredentials(mkdtempSync(join(tmpdir(), 'gstr1-fulldisk-')), credentials, credentials.gstUsername);
  Object.assign(disk, { failOn: undefined, failed: 0, sessions: false, error: 'ENOSPC' });
  emu = await startEmulator({ credentials: { sandbox: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret } } });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emu.close();
});

function runAt() {
  const clock = { sleep: async () => undefined, random: () => 0.5 };
  return {
    gstin: GSTIN, period: PERIOD, otp: OTP, clock, poll: { intervalsMs: [1], maxWaitMs: 10 },
    provider: sandbox({ baseUrl: emu.url, credentials, http: { timeoutMs: 2000, retries: 1, backoffMs: 1, clock } }),
  };
}

describe('a full disk under the journal', () => {
  it('after the portal filed: the error gives the ARN and says the return is filed; nothing is filed twice', async () => {
    await uploadReturn({ ...runAt(), payloads: samplePayloads() });
    disk.failOn = /"step":"filed"/;
    const failure = await fileReturn({ ...runAt(), pan: PAN, evcOtp: OTP, confirm: true }).then(
      () => undefined,
      (e: unknown) => e as { code: string; params: Record<string, string> },
    );
    const filed = emu.emulator.portal.state(GSTIN, PERIOD).filed!;
    expect(filed.arn).toMatch(/^AA/);
    expect(failure?.code).toBe('UPLOAD_FILED_NOT_RECORDED');
    expect(failure?.params).toMatchObject({ arn: filed.arn, reason: 'ENOSPC' });
    expect(failure!.params.file).toMatch(/\.jsonl$/);
    const text = messageOf(failure!);
    expect(text).toContain(`The return is filed: ARN ${filed.arn}`);
    expect(text).toContain('the disk is full');
    expect(hintOf(failure!)).toBe(
      "Keep this ARN. Nothing is to be filed again: a later run asks the portal, which knows the return is filed. Free some space on the disk that holds the journal's folder.",
    );
    expect(emu.emulator.calls.file).toBe(1);

    // space again: the next run learns from the portal that the return is filed, with the same ARN
    disk.failOn = undefined;
    const again = await fileReturn({ ...runAt(), pan: PAN, evcOtp: OTP, confirm: true });
    expect(again).toMatchObject({ status: 'filed', arn: filed.arn });
    expect(emu.emulator.calls.file).toBe(1);
  });

  it('gstr1 file says "Filed: ARN" and exits 0 when the portal filed, with the journal failure as a notice', async () => {
    await uploadReturn({ ...runAt(), payloads: samplePayloads() });
    disk.failOn = /"step":"filed"/;
    const r = await gstr1('file', '--provider', 'sandbox', '--base-url', emu.url, '--otp', OTP, '--poll-ms', '1',
      '--gstin', GSTIN, '--period', PERIOD, '--pan', PAN, '--evc-otp', OTP, '--yes');
    const arn = emu.emulator.portal.state(GSTIN, PERIOD).filed!.arn;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Filed: ARN ${arn}`);
    expect(r.stderr).toContain('could not record it: the disk is full');
    expect(r.stderr).toContain("Free some space on the disk that holds the journal's folder.");
    expect(r.stderr).not.toContain('internal error');
  });

  it('a disk error after the portal filed: the same words about the filing, and no advice to free space', async () => {
    await uploadReturn({ ...runAt(), payloads: samplePayloads() });
    Object.assign(disk, { failOn: /"step":"filed"/, error: 'EIO' });
    const r = await gstr1('file', '--provider', 'sandbox', '--base-url', emu.url, '--otp', OTP, '--poll-ms', '1',
      '--gstin', GSTIN, '--period', PERIOD, '--pan', PAN, '--evc-otp', OTP, '--yes');
    const arn = emu.emulator.portal.state(GSTIN, PERIOD).filed!.arn;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Filed: ARN ${arn}`);
    expect(r.stderr).toContain('could not record it: the disk reported an error');
    expect(r.stderr).toContain(
      "Keep this ARN. Nothing is to be filed again: a later run asks the portal, which knows the return is filed. Make sure the journal's folder can be written in.",
    );
    expect(r.stderr).not.toMatch(/free some space/i);
  });

  it('a failure the tool does not name, after the portal filed: its words, and both cures', async () => {
    await uploadReturn({ ...runAt(), payloads: samplePayloads() });
    Object.assign(disk, { failOn: /"step":"filed"/, error: 'EBADF' });
    const failure = await fileReturn({ ...runAt(), pan: PAN, evcOtp: OTP, confirm: true }).then(
      () => undefined,
      (e: unknown) => e as { code: string; params: Record<string, string> },
    );
    expect(failure).toMatchObject({ code: 'UPLOAD_FILED_NOT_RECORDED', params: { reason: 'EBADF: bad file descriptor, write' } });
    expect(messageOf(failure!)).toMatch(/could not record it: EBADF: bad file descriptor, write$/);
    expect(hintOf(failure!)).toMatch(
      /^Keep this ARN\. Nothing is to be filed again: .+ Free some space on the disk that holds the journal's folder \(or, if that disk is not full, make sure the folder can be written in\)\.$/,
    );
    expect(emu.emulator.calls.file).toBe(1);
  });

  it('while saving: UPLOAD_JOURNAL_WRITE naming the journal; the same command later goes on to the end', async () => {
    disk.failOn = /"step":"chunk_saved"/;
    const failure = await uploadReturn({ ...runAt(), payloads: samplePayloads() }).then(
      () => undefined,
      (e: unknown) => e as { code: string; params: Record<string, string> },
    );
    expect(failure?.code).toBe('UPLOAD_JOURNAL_WRITE');
    expect(failure?.params.reason).toBe('ENOSPC');
    expect(messageOf(failure!)).toMatch(/^Could not write to the journal .+\.jsonl: the disk is full; the run stopped before its next step$/);
    expect(hintOf(failure!)).toMatch(/^Free some space on the disk that holds the journal's folder, then run the same command again: /);
    expect(disk.failed).toBe(1);

    disk.failOn = undefined;
    const res = await uploadReturn({ ...runAt(), payloads: samplePayloads() });
    expect(res.chunks.every((c) => c.outcome === 'processed')).toBe(true);
  });

  it('a session that cannot be kept: a notice, the run goes on, and no half-written session file is left', async () => {
    disk.sessions = true;
    const notices: { code: string; params: Params }[] = [];
    const res = await uploadReturn({ ...runAt(), payloads: samplePayloads(), keepSession: true, onNotice: (n) => notices.push(n as never) });
    expect(res.complete).toBe(true);
    const notice = notices.find((n) => n.code === 'UPLOAD_SESSION_NOT_KEPT');
    expect(notice?.params.reason).toBe('ENOSPC');
    expect(String(notice?.params.file)).toMatch(/\.session\.json$/);
    expect(existsSync(String(notice!.params.file))).toBe(false);
    expect(hintOf(notice!)).toMatch(/Free some space on the disk that holds that file's folder, to keep sessions\.$/);
  });

  it('while saving, a disk error: the hint asks for a folder that can be written in, not for space', async () => {
    Object.assign(disk, { failOn: /"step":"chunk_saved"/, error: 'EIO' });
    const failure = await uploadReturn({ ...runAt(), payloads: samplePayloads() }).then(
      () => undefined,
      (e: unknown) => e as { code: string; params: Record<string, string> },
    );
    expect(failure).toMatchObject({ code: 'UPLOAD_JOURNAL_WRITE', params: { reason: 'EIO' } });
    expect(hintOf(failure!)).toMatch(/^Make sure the journal's folder can be written in, then run the same command again: /);
    expect(hintOf(failure!)).not.toMatch(/free some space/i);
  });

  it('a session on a read-only disk: the notice\'s hint asks for a folder that can be written in', async () => {
    Object.assign(disk, { sessions: true, error: 'EROFS' });
    const notices: { code: string; params: Params }[] = [];
    const res = await uploadReturn({ ...runAt(), payloads: samplePayloads(), keepSession: true, onNotice: (n) => notices.push(n as never) });
    expect(res.complete).toBe(true);
    const notice = notices.find((n) => n.code === 'UPLOAD_SESSION_NOT_KEPT');
    expect(notice?.params.reason).toBe('EROFS');
    expect(messageOf(notice!)).toMatch(/: the disk is read-only$/);
    expect(hintOf(notice!)).toBe("Nothing to do for this run; the next one asks for an OTP again. Make sure that file's folder can be written in, to keep sessions.");
  });
});
