import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipFile } from '../../test/helpers/files.js';
import { openSource } from '../parsers/host/source.js';
import { readEntry, readZip } from '../parsers/zip.js';
import { ZipTooLargeError, ZipWriter } from './zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-zipw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(build: (z: ZipWriter) => Promise<void>, limit?: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const z = new ZipWriter(async (b) => void chunks.push(Uint8Array.from(b)), new Date(2025, 9, 5, 10, 30), limit);
  await build(z);
  await z.finish();
  return Buffer.concat(chunks);
}

describe('ZipWriter', () => {
  it('copies entries still compressed and deflates new ones as they stream; our reader checks both', async () => {
    const input = join(dir, 'in.zip');
    writeFileSync(input, zipFile([{ name: 'a.xml', data: Buffer.from('<a>'.repeat(5000)) }, { name: 'b.txt', data: Buffer.from('bee') }]));
    const src = await openSource(input);
    const inDir = await readZip(input);
    const text = Array.from({ length: 3000 }, (_, i) => `<row r="${i}">₹ “${i}”</row>`);
    const out = await write(async (z) => {
      await z.copy(src, inDir.entries[1]!);
      await z.add('xl/new part.xml', (async function* () {
        for (const t of text) yield t;
      })());
      await z.add('empty.xml', '');
      await z.copy(src, inDir.entries[0]!);
    });
    await src.close();
    const file = join(dir, 'out.zip');
    writeFileSync(file, out);
    const got = await readZip(file);
    expect(got.entries.map((e) => e.name)).toEqual(['b.txt', 'xl/new part.xml', 'empty.xml', 'a.xml']);
    expect((await readEntry(file, got.entries[1]!)).toString('utf8')).toBe(text.join(''));
    expect((await readEntry(file, got.entries[2]!)).toString('utf8')).toBe('');
    expect((await readEntry(file, got.entries[3]!)).toString('utf8')).toBe('<a>'.repeat(5000));
    // a copied entry keeps its stored bytes, CRC and sizes
    const inBuf = readFileSync(input);
    const stored = (buf: Buffer, e: (typeof got.entries)[number]) => {
      const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
      return buf.subarray(start, start + e.compressedSize);
    };
    expect(stored(out, got.entries[3]!).equals(stored(inBuf, inDir.entries[0]!))).toBe(true);
    expect(got.entries[3]!.crc).toBe(inDir.entries[0]!.crc);
    // a new entry: deflated, UTF-8 name, sizes in the central directory (and a data descriptor after it)
    expect(got.entries[1]).toMatchObject({ method: 8, flags: 0x808, size: Buffer.byteLength(text.join('')) });
  });

  it('refuses a zip past what a zip without ZIP64 holds', async () => {
    await expect(write(async (z) => z.add('big.xml', 'x'.repeat(5000)), 1000)).rejects.toBeInstanceOf(ZipTooLargeError);
    await expect(write(async (z) => {
      await z.add('a.xml', 'a');
      await z.add('b.xml', 'b');
    }, 60)).rejects.toBeInstanceOf(ZipTooLargeError);
  });
});
