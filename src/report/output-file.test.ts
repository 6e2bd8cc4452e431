import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError } from '../model/errors.js';
import { writeBeside, writeInPieces } from './output-file.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-output-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fsError = (code: string, extra: object) => Object.assign(new Error(code), { code, ...extra });

describe('writeBeside', () => {
  it('a file already there is left as it was when the new one cannot be written, and no partial stays', async () => {
    const out = join(dir, 'kept.json');
    writeFileSync(out, 'old');
    const failed = writeBeside(out, async (partial) => {
      await writeFile(partial, 'half');
      throw fsError('ENOSPC', { syscall: 'write' });
    });
    await expect(failed).rejects.toMatchObject({ code: 'FILE_WRITE', params: { file: out, reason: 'ENOSPC' } });
    await expect(failed).rejects.toBeInstanceOf(OutputError);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['kept.json']);
  });

  it('a failure to read some other file (an input) is not taken for a failure to write', async () => {
    const input = join(dir, 'missing-input.xlsx');
    const e = fsError('ENOENT', { syscall: 'open', path: input });
    await expect(writeBeside(join(dir, 'out.xlsx'), async () => Promise.reject(e))).rejects.toBe(e);
    const read = fsError('EIO', { syscall: 'read' });
    await expect(writeBeside(join(dir, 'out.xlsx'), async () => Promise.reject(read))).rejects.toBe(read);
  });

  it('the folders made for a file that was not written are removed again', async () => {
    const out = join(dir, 'new', 'deeper', 'r.json');
    await expect(writeBeside(out, async () => Promise.reject(fsError('ENOSPC', { syscall: 'write' })))).rejects.toMatchObject({ code: 'FILE_WRITE' });
    expect(readdirSync(dir)).not.toContain('new');
  });
});

describe('writeInPieces', () => {
  const bytes = (n: number, from: number) => Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);

  it('writes every byte in order, whether a piece is smaller than, as large as or larger than the gathering size', async () => {
    const file = join(dir, 'pieces.bin');
    const parts = [bytes(3, 0), bytes(10, 3), bytes(16, 13), bytes(1, 29), bytes(40, 30), bytes(15, 70), bytes(2, 85)];
    const result = await writeInPieces(file, 16, async (sink) => {
      for (const p of parts) await sink(p);
      return 'done';
    });
    expect(result).toBe('done');
    expect([...readFileSync(file)]).toEqual([...bytes(87, 0)]);
  });

  it('copies what it is given, so a producer may reuse its buffer once the sink resolves', async () => {
    const file = join(dir, 'reused.bin');
    const buf = new Uint8Array(4);
    await writeInPieces(file, 1024, async (sink) => {
      for (let k = 0; k < 5; k++) {
        buf.fill(k + 1);
        await sink(buf);
      }
    });
    expect([...readFileSync(file)]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5]);
  });
});
