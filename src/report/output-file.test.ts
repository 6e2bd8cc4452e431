import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError } from '../model/errors.js';
import { writeBeside } from './output-file.js';

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
