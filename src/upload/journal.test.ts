/** journal: append-only records, replay after a crash, the lock. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, defaultJournalDir, defaultLockDir, destinationId, Journal, journalHome, journalPaths, readJournal, releaseLock, replay } from './journal.js';
import { Redactor } from './redact.js';
import type { UploadError } from './errors.js';
import { hintOf } from '../report/messages/index.js';

const RET = { gstin: '27AAACR5055K1Z7', period: '032025' };
const dir = () => mkdtempSync(join(tmpdir(), 'gstr1-journal-'));

async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

describe('journal', () => {
  it('appends redacted records and replays chunk, proceed and filing state', async () => {
    const d = dir();
    const j = await Journal.open(d, RET, { redactor: new Redactor().add('secret-otp-1'), lockDir: d });
    await j.append({ step: 'chunk_sending', index: 1, hash: 'h1', bytes: 10, checkpoint: 'c0' });
    await j.append({ step: 'chunk_saved', index: 1, hash: 'h1', referenceId: 'r1' });
    await j.append({ step: 'chunk_status', index: 1, hash: 'h1', referenceId: 'r1', outcome: 'processed', statusCd: 'P', errorReport: { note: 'secret-otp-1' } });
    await j.append({ step: 'chunk_sending', index: 2, hash: 'h2', bytes: 10 });
    await j.append({ step: 'filed', arn: 'AA270325000001' });
    await j.close();
    const text = readFileSync(journalPaths(d, RET).journal, 'utf8');
    expect(text).not.toContain('secret-otp-1');
    const st = replay(await readJournal(journalPaths(d, RET).journal));
    expect(st.chunks.get('h1')).toMatchObject({ outcome: 'processed', referenceId: 'r1' });
    expect(st.chunks.get('h2')).toMatchObject({ sending: {} });
    expect(st.filed).toEqual({ arn: 'AA270325000001' });
    expect(existsSync(journalPaths(d, RET).lock)).toBe(false);
  });

  it('ignores a torn last line, refuses a damaged middle line', async () => {
    const d = dir();
    const { journal } = journalPaths(d, RET);
    writeFileSync(journal, '{"step":"chunk_saved","index":1,"hash":"h","referenceId":"r"}\n{"step":"chunk_st');
    expect(await readJournal(journal)).toHaveLength(1);
    writeFileSync(journal, '{"step":"x"\n{"step":"chunk_saved","index":1,"hash":"h","referenceId":"r"}\n');
    await expect(readJournal(journal)).rejects.toMatchObject({ code: 'UPLOAD_JOURNAL_CORRUPT', params: { line: 1 } });
    // its advice never sends the user to a command that reads this journal (it would stop at the same line)
    const damaged = (await readJournal(journal).catch((e: UploadError) => e)) as UploadError;
    expect(hintOf(damaged)).not.toMatch(/gstr1 (?:status|upload|file|reset)\b/);
    expect(hintOf(damaged)).toContain('Track Return Status');
  });

  it('a reset clears the chunks it replaced', () => {
    const t = { t: '', v: 1 as const };
    const st = replay([
      { step: 'chunk_status', index: 1, hash: 'h', outcome: 'processed', ...t },
      { step: 'reset_requested', referenceId: 'r', ...t },
      { step: 'reset', outcome: 'processed', ...t },
    ]);
    expect(st.chunks.size).toBe(0);
  });

  it('a refused save keeps the portal\'s answer; a chunk sent again starts afresh (no earlier errors or answer)', () => {
    const t = { t: '', v: 1 as const };
    const answer = { code: 'UPLOAD_ALREADY_FILED', params: { provider: 'sandbox', op: 'save', providerCode: 'AUTH117' } };
    const refused = replay([
      { step: 'chunk_sending', index: 1, hash: 'h', bytes: 10, ...t },
      { step: 'chunk_status', index: 1, hash: 'h', outcome: 'refused', answer, ...t },
    ]);
    expect(refused.chunks.get('h')).toMatchObject({ outcome: 'refused', answer });
    expect(refused.chunks.get('h')!.sending).toBeUndefined();
    const again = replay([
      { step: 'chunk_status', index: 1, hash: 'h', referenceId: 'r1', outcome: 'processed_with_errors', statusCd: 'PE', errorReport: { b2b: [] }, ...t },
      { step: 'chunk_status', index: 1, hash: 'h', outcome: 'refused', answer, ...t },
      { step: 'chunk_sending', index: 1, hash: 'h', bytes: 10, ...t },
      { step: 'chunk_saved', index: 1, hash: 'h', referenceId: 'r2', ...t },
      { step: 'chunk_status', index: 1, hash: 'h', referenceId: 'r2', outcome: 'processed', statusCd: 'P', ...t },
    ]).chunks.get('h')!;
    expect(again).toMatchObject({ outcome: 'processed', statusCd: 'P', referenceId: 'r2' });
    expect(again.errorReport).toBeUndefined();
    expect(again.answer).toBeUndefined();
  });

  it('locks: a live holder refuses, a dead one is taken over, only the owner releases', async () => {
    const d = dir();
    const { lock } = journalPaths(d, RET);
    const me = await acquireLock(lock);
    await expect(acquireLock(lock)).rejects.toMatchObject({ code: 'UPLOAD_LOCKED', params: { pid: process.pid } });
    await releaseLock(lock, { ...me, token: 'someone-else' });
    expect(existsSync(lock)).toBe(true);
    await releaseLock(lock, me);
    expect(existsSync(lock)).toBe(false);

    writeFileSync(lock, JSON.stringify({ pid: await deadPid(), host: hostname(), token: 'old', started: 'then' }));
    const taken = await acquireLock(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8')).token).toBe(taken.token);
    await releaseLock(lock, taken);
  });
});

describe('journal: destination, home, torn tail', () => {
  const dest = { provider: 'sandbox', baseUrl: 'http://127.0.0.1:4001', account: 'key_live_1' };

  it('one journal per destination; the account is kept only as a hash', async () => {
    const d = dir();
    const a = journalPaths(d, RET, dest).journal;
    expect(journalPaths(d, RET, { ...dest, baseUrl: 'http://127.0.0.1:4002' }).journal).not.toBe(a);
    expect(journalPaths(d, RET, { ...dest, account: 'key_live_2' }).journal).not.toBe(a);
    expect(journalPaths(d, RET, { ...dest, provider: 'whitebooks' }).journal).not.toBe(a);
    // the lock is the return's, whatever the destination
    expect(journalPaths(d, RET, dest).lock).toBe(journalPaths(d, RET).lock);
    const j = await Journal.open(d, RET, { destination: dest, lockDir: d });
    await j.close();
    const text = readFileSync(a, 'utf8');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ step: 'destination', provider: 'sandbox', baseUrl: dest.baseUrl, id: destinationId(dest) });
    expect(a).not.toContain('key_live_1');
    expect(text).not.toContain('key_live_1');
  });

  it('issue 13: the form is part of the key; a GSTR-1A never reads the GSTR-1 journal of its period, the lock is shared', async () => {
    const d = dir();
    const g1a = { ...RET, form: 'gstr1a' as const };
    const gstr1 = journalPaths(d, RET, dest).journal;
    const gstr1a = journalPaths(d, g1a, dest).journal;
    expect(gstr1a).not.toBe(gstr1);
    // a GSTR-1 journal keeps the name it always had
    expect(journalPaths(d, { ...RET, form: 'gstr1' }, dest).journal).toBe(gstr1);
    expect(journalPaths(d, g1a, dest).lock).toBe(journalPaths(d, RET, dest).lock);
    const j = await Journal.open(d, RET, { destination: dest, lockDir: d });
    await j.append({ step: 'filed', arn: 'AA2703250000001' });
    await j.close();
    const a = await Journal.open(d, g1a, { destination: dest, lockDir: d });
    expect(a.state().filed).toBeUndefined();
    await a.append({ step: 'filed', arn: 'AA2703250000002' });
    await a.close();
    expect(replay(await readJournal(gstr1)).filed?.arn).toBe('AA2703250000001');
    expect(replay(await readJournal(gstr1a)).filed?.arn).toBe('AA2703250000002');
  });

  it('a journal from before destinations is not read, and a notice says so', async () => {
    const d = dir();
    writeFileSync(journalPaths(d, RET).journal, '{"step":"filed","arn":"AA2703250000001"}\n');
    const notices: unknown[] = [];
    const j = await Journal.open(d, RET, { destination: dest, lockDir: d, onNotice: (n) => notices.push(n) });
    expect(j.state().filed).toBeUndefined();
    await j.close();
    expect(notices).toEqual([{ code: 'UPLOAD_JOURNAL_NO_DESTINATION', params: { file: journalPaths(d, RET).journal } }]);
    // the working folder's .gstr1, where journals were kept before: looked at too
    const old = dir();
    writeFileSync(journalPaths(old, RET).journal, '{"step":"run","command":"upload","pid":1}\n');
    const more: unknown[] = [];
    await (await Journal.open(dir(), RET, { destination: dest, lockDir: d, legacyDirs: [old], onNotice: (n) => more.push(n) })).close();
    expect(more).toEqual([{ code: 'UPLOAD_JOURNAL_NO_DESTINATION', params: { file: journalPaths(old, RET).journal } }]);
  });

  it('a torn last line is cut before the next record is appended (no "journal damaged" a run later)', async () => {
    const d = dir();
    const file = journalPaths(d, RET, dest).journal;
    writeFileSync(file, '{"step":"destination"}\n{"step":"chunk_saved","index":1,"hash":"h","referenceId":"r"}\n{"step":"chunk_st');
    const notices: unknown[] = [];
    const j = await Journal.open(d, RET, { destination: dest, lockDir: d, onNotice: (n) => notices.push(n) });
    await j.append({ step: 'filed', arn: 'AA2703250000002' });
    await j.close();
    expect(notices).toEqual([{ code: 'UPLOAD_JOURNAL_TAIL_REPAIRED', params: { file, bytes: 17 } }]);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).step)).toEqual(['destination', 'chunk_saved', 'filed']);
    const again = await Journal.open(d, RET, { destination: dest, lockDir: d });
    expect(again.state().filed?.arn).toBe('AA2703250000002');
    await again.close();
  });

  it('journals and locks default to a per-user folder, not the working folder', () => {
    expect(defaultJournalDir({ GSTR1_HOME: '/data/g' })).toBe(join('/data/g', 'journals'));
    expect(defaultLockDir({ GSTR1_HOME: '/data/g' })).toBe(join('/data/g', 'locks'));
    if (process.platform === 'linux') expect(journalHome({ XDG_STATE_HOME: '/st' })).toBe('/st/gstr1');
  });
});
