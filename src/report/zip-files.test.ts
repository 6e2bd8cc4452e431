/** The payloads' zip: written by the one zip writer, read back by our own zip reader (names, sizes, CRC-32). */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeText } from '../../test/helpers/files.js';
import { readEntry, readZip } from '../parsers/zip.js';
import { zipFiles } from './zip-files.js';

const { dir, cleanup } = tempDirs();
afterAll(cleanup);

describe('zipFiles', () => {
  it('holds each file under its name, byte for byte (CRC-32 and sizes checked by the reader)', async () => {
    const big = JSON.stringify({ b2b: Array.from({ length: 2000 }, (_, i) => ({ ctin: '27AAACR5055K1Z7', inum: `INV-${i}`, val: 1180.5 })) });
    const files = [
      { name: 'gstr1-27AAACR5055K1Z7-092025-1.json', bytes: Buffer.from(big) },
      { name: 'gstr1-27AAACR5055K1Z7-092025-2.json', bytes: Buffer.from('{"hsn":{"data":[]}}') },
    ];
    const zip = await zipFiles(files, new Date(2025, 9, 5, 14, 30, 10));
    expect(zip.length).toBeLessThan(big.length / 4); // deflated
    const file = writeText(dir(), 'payloads.zip', Buffer.from(zip));
    const read = await readZip(file);
    expect(read.entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    for (const [i, e] of read.entries.entries()) expect((await readEntry(file, e)).equals(files[i]!.bytes)).toBe(true);
    expect(read.entries[0]!.time).toBe((14 << 11) | (30 << 5) | 5);
    expect(read.entries[0]!.date).toBe(((2025 - 1980) << 9) | (10 << 5) | 5);
  });
});
