/**
 * The lock on a full disk: created but not written, it is removed and the failure names it
 * (UPLOAD_JOURNAL_WRITE), never an internal error; the next run takes the lock. The disk is
 * simulated: while `disk.full`, writing through a lock file's handle fails as a full disk fails it
 * (ENOSPC, naming no file).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (p: string, flags?: string, mode?: number) => {
    const fh = await fs.open(p, flags, mode);
    if (!String(p).endsWith('.lock')) return fh;
    const writeFile = fh.writeFile.bind(fh);
    return Object.assign(fh, {
      writeFile: async (data: string) => {
        if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
        return writeFile(data);
      },
    });
  };
  return { ...fs, default: { ...fs, open }, open };
});

const { Journal, journalPaths } = await import('./journal.js');
const { UploadError } = await import('./errors.js');
const { hintOf, messageOf } = await import('../report/messages/index.js');

const RET = { gstin: '27AAACR5055K1Z7', period: '032025' };

describe('the lock on a full disk', () => {
  beforeEach(() => {
    disk.full = false;
  });

  it('is removed and named in a plain failure; the next run takes it', async () => {
    const d = mkdtempSync(join(tmpdir(), 'gstr1-lock-'));
    const { lock } = journalPaths(d, RET, undefined, d);
    disk.full = true;
    const e = await Journal.open(d, RET, { lockDir: d }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UploadError);
    const f = { code: (e as InstanceType<typeof UploadError>).code, params: (e as InstanceType<typeof UploadError>).params };
    expect(f).toEqual({ code: 'UPLOAD_JOURNAL_WRITE', params: { file: lock, reason: 'ENOSPC' } });
    expect(messageOf(f)).toBe(`Could not write to the journal ${lock}: the disk is full; the run stopped before its next step`);
    expect(hintOf(f)).toMatch(/^Free some space on the disk that holds the journal's folder/);
    expect(existsSync(lock)).toBe(false);

    disk.full = false;
    const j = await Journal.open(d, RET, { lockDir: d });
    expect(existsSync(lock)).toBe(true);
    await j.close();
    expect(existsSync(lock)).toBe(false);
  });
});
