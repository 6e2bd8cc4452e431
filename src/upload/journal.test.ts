/** journal: append-only records, replay after a crash, the lock. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, Journal, journalPaths, readJournal, releaseLock, replay } from './journal.js';
import { Redactor } from './redact.js';

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
    const j = await Journal.open(d, RET, { redactor: new Redactor().add('secret-otp-1') });
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
