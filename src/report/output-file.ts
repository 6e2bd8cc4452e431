/**
 * Files written for the user (Node): each is written beside its final name and renamed when
 * complete, so a failure (a full disk, no permission) never leaves a half-written file under that
 * name; and the operating system's refusal becomes one FILE_WRITE naming the file the user asked
 * for, not a temporary name and never an input.
 */
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { OptionError, writeFailure } from '../model/errors.js';

/**
 * Runs `write` on a fresh name beside `file` (its folder made when missing), then renames it to
 * `file`. On failure everything written under that name (or names starting with it) is removed,
 * and a refusal met on those names, or from a file handle (which names no file), is FILE_WRITE
 * naming `file`. A refusal naming another file (an input `write` reads) is left as it is.
 */
export async function writeBeside<T>(file: string, write: (partial: string) => Promise<T>): Promise<T> {
  const path = resolve(file);
  const partial = partialName(path);
  return inFolderOf(file, async () => {
    try {
      const result = await write(partial);
      await rename(partial, path);
      return result;
    } catch (e) {
      await rm(partial, { force: true });
      throw failureWriting(e, file, path, partial);
    }
  });
}

/**
 * Runs `write` with the folder of `file` made when missing (a failure to make it is FILE_WRITE
 * naming `file`); when `write` fails, the folders made for it are removed again.
 */
export async function inFolderOf<T>(file: string, write: () => Promise<T>): Promise<T> {
  const dir = dirname(resolve(file));
  let made: string | undefined;
  try {
    made = await mkdir(dir, { recursive: true });
  } catch (e) {
    throw writeFailure(e, file);
  }
  try {
    return await write();
  } catch (e) {
    if (made) await removeEmptyFolders(dir, made);
    throw e;
  }
}

/** The folders made for a file that was not written, from `dir` up to `top`, while they are empty. */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let d = dir; d.startsWith(top); d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
  }
}

/**
 * Refuses (OUTPUT_SAME_AS_INPUT) an output that is one of the inputs: the same path, or the same
 * file under another name (a link, a hard link).
 */
export function refuseInputAsOutput(inputs: readonly string[], outputs: readonly string[]): void {
  const out = outputs.find((o) => inputs.some((i) => sameFileAs(i, o)));
  if (out !== undefined) throw new OptionError('OUTPUT_SAME_AS_INPUT', { file: out });
}

/** `a` and `b` name one file: the same path, or (both there) the same file under two names. */
export function sameFileAs(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const x = statOf(a);
  const y = x && statOf(b);
  return Boolean(x && y && x.dev === y.dev && x.ino === y.ino);
}

/** The file's identity, or undefined when there is none to compare (missing, not reachable). */
function statOf(f: string) {
  try {
    return statSync(f, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A fresh name beside `file` for writing it until it is complete. */
export function partialName(file: string): string {
  // the global Web Crypto, which Node loads on first use: node:crypto imported here cost every
  // command about 7 ms of start-up, written or not
  const random = globalThis.crypto.getRandomValues(new Uint8Array(4));
  return `${resolve(file)}.${process.pid}-${Buffer.from(random).toString('hex')}.partial`;
}

/** Writes `text` (or bytes) to `file` through writeBeside. */
export function writeOutputFile(file: string, data: string | Uint8Array): Promise<void> {
  return writeBeside(file, (partial) => writeFile(partial, data, { flag: 'wx' }));
}

/**
 * `e` as writeFailure gives it for `file` when it is a failure on one of `names` (or a name
 * starting with one), or of a write to a handle (which names no file); otherwise `e` unchanged,
 * e.g. a failure to read some input.
 */
export function failureWriting(e: unknown, file: string, ...names: readonly string[]): unknown {
  const err = e as NodeJS.ErrnoException;
  const ours = typeof err?.path === 'string' ? names.some((n) => err.path!.startsWith(n)) : err?.syscall !== 'read';
  return ours ? writeFailure(e, file) : e;
}

/** A new file opened for a writer that reports its failures by event (exceljs), with the first failure kept. */
export interface OutputStream {
  readonly stream: WriteStream;
  /** settles once the file is open (rejects when it cannot be) */
  readonly opened: Promise<void>;
  /** rejects with the first failure: raced with a writer's commit, which would wait for ever for a stream that failed before it listened */
  readonly failed: Promise<never>;
  /** the first failure to write, if any */
  failure(): unknown;
  /**
   * `p` (a writer's step) raced with the stream's failure; a later rejection of `p`, once the race
   * is lost, is handled instead of left unhandled
   */
  until<T>(p: Promise<T>): Promise<T>;
}

/** `partial` opened as a stream (exclusively: it is a fresh name); an error event is kept, never left unhandled. */
export function outputStream(partial: string): OutputStream {
  const stream = createWriteStream(partial, { flags: 'wx' });
  let failure: unknown;
  const opened = new Promise<void>((res, rej) => {
    stream.once('open', () => res());
    stream.once('error', rej);
  });
  const failed = new Promise<never>((_, rej) => stream.once('error', rej));
  opened.catch(() => {});
  failed.catch(() => {});
  stream.on('error', (e) => {
    failure ??= e;
  });
  const until = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => {});
    return Promise.race([p, failed]);
  };
  return { stream, opened, failed, failure: () => failure, until };
}

/** Bytes gathered before a write to a file: a zip's many small headers go out together. */
export const WRITE_PIECE = 256 * 1024;

/**
 * Writes bytes to the new file `partial` through a handle, gathered into pieces of `piece` bytes.
 * Bytes handed to the sink are copied into one buffer kept for the whole file, so none outlives
 * its call: a deflater's outputs (about 40 KB each) held until a piece filled lived through
 * collections of the young generation, and those of a 500,000-line copy piled up, garbage in the
 * old one, 28 MB by its end (issue 14).
 */
export async function writeInPieces<T>(partial: string, piece: number, write: (sink: (b: Uint8Array) => Promise<void>) => Promise<T>): Promise<T> {
  const fh = await open(partial, 'wx');
  const buf = Buffer.allocUnsafe(piece);
  let used = 0;
  // writeFile loops until every byte is written (write may write part of it on a nearly full disk)
  const flush = async () => {
    if (!used) return;
    const n = used;
    used = 0;
    await fh.writeFile(buf.subarray(0, n));
  };
  try {
    const result = await write(async (b) => {
      if (used + b.length > piece) await flush();
      if (b.length >= piece) {
        await fh.writeFile(b);
        return;
      }
      buf.set(b, used);
      used += b.length;
    });
    await flush();
    await fh.close();
    return result;
  } catch (e) {
    await fh.close().catch(() => {});
    throw e;
  }
}
