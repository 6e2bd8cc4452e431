/**
 * The browser host, run in Node (which has Blob, DecompressionStream and CompressionStream): the
 * same readers give the same rows through it as through the Node host.
 */
import { readFileSync } from 'node:fs';
import { crc32 as zlibCrc, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readCsv } from '../csv.js';
import { detectFile } from '../detect.js';
import type { RawSheet } from '../raw.js';
import { readXlsx } from '../xlsx.js';
import { ZipError, readEntry, readZip } from '../zip.js';
import { browserHost, crc32 } from './browser.js';
import { nodeHost } from './node.js';
import { host, installHost } from './source.js';

const SAMPLE = 'templates/sample/gstr1-sample.xlsx';
const CSV = 'test/fixtures/sample-csv/at.csv';
const DATA = { 'hsn-codes': { codes: '' }, 'retsave-schema': { $id: 'x', properties: {} } } as const;

async function allRows(sheets: AsyncIterable<RawSheet>): Promise<[string, unknown[]][]> {
  const out: [string, unknown[]][] = [];
  for await (const s of sheets) {
    const rows: unknown[] = [];
    for await (const r of s.rows) rows.push(r);
    out.push([s.name, rows]);
  }
  return out;
}

function useBrowser(files: Record<string, Uint8Array>): void {
  installHost(browserHost(new Map(Object.entries(files).map(([n, b]) => [n, new Blob([b as Uint8Array<ArrayBuffer>])])), DATA));
}

afterEach(() => installHost(nodeHost));

describe('host: browser', () => {
  it('reads a workbook and a CSV from Blobs, row for row as the Node host reads the files', async () => {
    const fromDisk = await allRows(readXlsx(SAMPLE));
    const csvFromDisk = await allRows(readCsv(CSV));
    useBrowser({ 'gstr1-sample.xlsx': readFileSync(SAMPLE), 'at.csv': readFileSync(CSV) });
    expect(await detectFile('gstr1-sample.xlsx')).toBe('xlsx');
    expect(await detectFile('at.csv')).toBe('csv');
    const fromBlob = await allRows(readXlsx('gstr1-sample.xlsx'));
    expect(fromBlob.length).toBeGreaterThan(10);
    expect(fromBlob).toEqual(fromDisk);
    expect(await allRows(readCsv('at.csv'))).toEqual(csvFromDisk);
    expect(host().data('hsn-codes')).toBe(DATA['hsn-codes']);
  });

  it('says which input is missing', async () => {
    useBrowser({});
    await expect(detectFile('nowhere.xlsx')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('inflates with DecompressionStream, and a damaged deflate stream is an error, not a hang', async () => {
    const text = 'GSTR-1 '.repeat(20_000);
    const good = deflateRawSync(Buffer.from(text));
    const bad = Buffer.from(good);
    bad.fill(0xff, 10, 40);
    const h = browserHost(new Map(), DATA);
    const collect = async (b: Uint8Array) => {
      const parts: Uint8Array[] = [];
      for await (const c of h.inflateRaw((async function* () { yield b; })())) parts.push(c);
      return Buffer.concat(parts).toString();
    };
    expect(await collect(good)).toBe(text);
    await expect(collect(bad)).rejects.toThrow();
    // and deflates what zlib inflates back
    expect(inflateRawSync(await h.deflateRaw(Buffer.from(text))).toString()).toBe(text);
    // and streams: pieces in, one deflate stream out
    const pieces: Uint8Array[] = [];
    for await (const c of h.deflateRawStream((async function* () { yield Buffer.from(text.slice(0, 999)); yield Buffer.from(text.slice(999)); })())) pieces.push(c);
    expect(inflateRawSync(Buffer.concat(pieces)).toString()).toBe(text);
  });

  it('computes CRC-32 as zlib does, in pieces too', () => {
    const a = Buffer.from('The quick brown fox');
    const b = Buffer.from(' jumps over the lazy dog');
    expect(crc32(a, 0)).toBe(zlibCrc(a));
    expect(crc32(b, crc32(a, 0))).toBe(zlibCrc(Buffer.concat([a, b])));
  });

  it('computes CRC-32 as zlib does over pieces of any length and offset (sixteen bytes a step, and the rest)', () => {
    const all = Buffer.alloc(70_001);
    for (let i = 0; i < all.length; i++) all[i] = (i * 2654435761) >>> 24;
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    let crc = 0;
    for (let at = 0; at < all.length; ) {
      const len = Math.min(all.length - at, next() % 100);
      const piece = all.subarray(at, at + len);
      expect(crc32(piece, 0), `piece of ${len} at ${at}`).toBe(zlibCrc(piece));
      crc = crc32(piece, crc);
      at += len;
    }
    expect(crc).toBe(zlibCrc(all));
    expect(crc32(all, 0)).toBe(zlibCrc(all));
  });

  it('checks the CRC of an entry read through it', async () => {
    const zip = Buffer.from(readFileSync(SAMPLE));
    useBrowser({ 'ok.xlsx': zip });
    const entry = (await readZip('ok.xlsx')).entries.find((e) => e.name === 'xl/workbook.xml')!;
    expect((await readEntry('ok.xlsx', entry)).toString('utf8')).toMatch(/<workbook/);
    useBrowser({ 'ok.xlsx': zip });
    const err = await readEntry('ok.xlsx', { ...entry, crc: entry.crc ^ 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZipError);
    expect((err as ZipError).code).toBe('crc');
  });
});
