/**
 * The lock of a return: a file holding the pid, host and a token, created exclusively. Two runs on
 * the same return cannot both hold it; a lock left by a process that no longer runs on this host
 * is taken over (moved aside atomically, so only one taker wins).
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { fileSystemReason } from '../model/errors.js';
import { UploadError } from './errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  token: string;
  started: string;
  command?: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock for a return, or throws UPLOAD_LOCKED naming the pid that holds it. A lock held
 * by a process that no longer runs on this host is taken over.
 */
export async function acquireLock(file: string, command = ''): Promise<LockInfo> {
  const me: LockInfo = { pid: process.pid, host: hostname(), token: randomUUID(), started: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o600);
      let failed: { e: unknown } | undefined;
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } catch (e) {
        failed = { e };
      } finally {
        await fh.close();
      }
      // closed first: Windows does not remove a file that is still open
      if (failed) throw await notWritten(failed.e, file);
      return me;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held = await readLock(file);
    if (!held) {
      // being written right now, or torn by a crash: look again shortly
      await new Promise((r) => setTimeout(r, 50));
      held = await readLock(file);
    }
    if (held && (held.host !== hostname() || alive(held.pid))) {
      throw new UploadError('UPLOAD_LOCKED', { file, pid: held.pid, host: held.host, since: held.started });
    }
    // stale: move it aside atomically (only one taker succeeds), then check it was the stale one
    const aside = `${file}.stale-${me.token}`;
    try {
      await rename(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = await readLock(aside);
    if (moved && held && moved.token !== held.token && moved.host === hostname() && alive(moved.pid)) {
      // we moved a live lock someone else just took: put it back and give way
      await rename(aside, file).catch(() => undefined);
      throw new UploadError('UPLOAD_LOCKED', { file, pid: moved.pid, host: moved.host, since: moved.started });
    }
    await unlink(aside).catch(() => undefined);
  }
  throw new UploadError('UPLOAD_LOCKED', { file, pid: 0, host: '', since: '' });
}

/**
 * A lock created but not written (a full disk): it is removed, so the next run finds none, and the
 * failure names the lock file, as a journal write's does. The file handle's error names no file,
 * and would otherwise reach the user as an internal error.
 */
async function notWritten(e: unknown, file: string): Promise<unknown> {
  await unlink(file).catch(() => undefined);
  const reason = fileSystemReason(e);
  return reason ? new UploadError('UPLOAD_JOURNAL_WRITE', { file, reason }, { cause: e }) : e;
}

export async function releaseLock(file: string, me: LockInfo): Promise<void> {
  const held = await readLock(file);
  if (held && held.token === me.token) await unlink(file).catch(() => undefined);
}
