/** The zip reader: central directory, streamed entries, and what it refuses. */
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeText } from '../../test/helpers/files.js';
import { detectFile } from './detect.js';
import { ZipError, openEntry, readEntry, readZip, type ZipEntry } from './zip.js';

const { dir, cleanup } = tempDirs();
afterAll(cleanup);

interface Part {
  name: string;
  data: Buffer;
  method?: number;
  /** what the directory says, when it should lie */
  crc?: number;
  size?: number;
  flags?: number;
  /** bytes between the local header and the data (a local extra field) */
  localExtra?: Buffer;
}

/** A zip written by hand, so that every field can be wrong. */
function build(parts: Part[], opts: { comment?: string; eocd?: (b: Buffer) => void; cdEntry?: (b: Buffer, i: number) => void } = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [i, p] of parts.entries()) {
    const method = p.method ?? 8;
    const body = method === 8 ? deflateRawSync(p.data) : p.data;
    const name = Buffer.from(p.name);
    const extra = p.localExtra ?? Buffer.alloc(0);
    const crc = p.crc ?? crc32(p.data);
    const size = p.size ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(p.flags ?? 0, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    opts.cdEntry?.(c, i);
    out.push(local, name, extra, body);
    central.push(c, name);
    offset += 30 + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(central);
  const comment = Buffer.from(opts.comment ?? '');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  opts.eocd?.(eocd);
  return Buffer.concat([...out, cd, eocd, comment]);
}

const file = (zip: Buffer, name = 'z.zip') => writeText(dir(), name, zip);
const entry = async (f: string, name: string): Promise<ZipEntry> => (await readZip(f)).entries.find((e) => e.name === name)!;

async function zipErr(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return `${(e as ZipError).code}: ${(e as Error).message}`;
  }
}

const text = 'hello, zip\n'.repeat(1000);

describe('readZip and openEntry', () => {
  it('lists and reads a workbook written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 'x';
    const f = join(dir(), 'wb.xlsx');
    await wb.xlsx.writeFile(f);
    const z = await readZip(f);
    const names = z.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    const sheet = z.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.method).toBe(8);
    const xml = (await readEntry(f, sheet)).toString('utf8');
    expect(xml).toContain('<sheetData>');
    expect(xml.length).toBe(sheet.size);
  });

  it('reads stored and deflated entries, a local extra field, a trailing comment, odd names', async () => {
    const f = file(
      build(
        [
          { name: 'stored.txt', data: Buffer.from(text), method: 0 },
          { name: 'deflated.txt', data: Buffer.from(text), localExtra: Buffer.alloc(9, 7) },
          { name: 'empty.txt', data: Buffer.alloc(0), method: 0 },
          { name: '/xl\\odd.xml', data: Buffer.from('<a/>') },
        ],
        { comment: 'a comment with PK\x05\x06 inside' },
      ),
    );
    const z = await readZip(f);
    expect(z.entries.map((e) => e.name)).toEqual(['stored.txt', 'deflated.txt', 'empty.txt', 'xl/odd.xml']);
    for (const e of z.entries) expect((await readEntry(f, e)).length).toBe(e.size);
    expect((await readEntry(f, z.entries[0]!)).toString()).toBe(text);
    expect((await readEntry(f, z.entries[1]!)).toString()).toBe(text);
    expect((await readEntry(f, z.entries[3]!)).toString()).toBe('<a/>');
  });

  it('cuts off an entry that inflates to more than it declares', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 'a');
    const f = file(build([{ name: 'bomb.xml', data: big, size: 1000 }]));
    const stream = await openEntry(f, await entry(f, 'bomb.xml'));
    let got = 0;
    const err = await (async () => {
      try {
        for await (const c of stream) got += (c as Buffer).length;
      } catch (e) {
        return e as ZipError;
      }
      return undefined;
    })();
    expect(err?.code).toBe('size');
    expect(err?.message).toMatch(/more than its declared 1000 bytes/);
    expect(got).toBeLessThanOrEqual(1000);
  });

  it('fails an entry shorter than declared, a CRC mismatch, a damaged deflate stream', async () => {
    const f = file(
      build([
        { name: 'short', data: Buffer.from(text), size: text.length + 1 },
        { name: 'crc', data: Buffer.from(text), crc: 12345 },
        { name: 'stored-crc', data: Buffer.from(text), crc: 1, method: 0 },
      ]),
    );
    expect(await zipErr(readEntry(f, await entry(f, 'short')))).toMatch(/^size: .*inflates to 11000 bytes, not its declared 11001/);
    expect(await zipErr(readEntry(f, await entry(f, 'crc')))).toMatch(/^crc: /);
    expect(await zipErr(readEntry(f, await entry(f, 'stored-crc')))).toMatch(/^crc: /);
    const bad = build([{ name: 'x', data: Buffer.from(text) }]);
    bad.fill(0xff, 31, 60); // inside the deflate data
    const g = file(bad, 'bad.zip');
    expect(await readEntry(g, await entry(g, 'x')).catch((e: Error) => e.message)).toMatch(/invalid|incorrect|unexpected|CRC|size/i);
  });

  it('refuses zip64, encryption, split archives and unknown methods', async () => {
    const plain = [{ name: 'a', data: Buffer.from('a') }];
    expect(await zipErr(readZip(file(build(plain, { eocd: (b) => b.writeUInt32LE(0xffffffff, 16) }))))).toMatch(/^zip64: /);
    expect(await zipErr(readZip(file(build(plain, { eocd: (b) => b.writeUInt16LE(0xffff, 10) }))))).toMatch(/^zip64: /);
    expect(await zipErr(readZip(file(build(plain, { cdEntry: (b) => b.writeUInt32LE(0xffffffff, 24) }))))).toMatch(/^zip64: zip: ZIP64 entries/);
    expect(await zipErr(readZip(file(build([{ name: 'a', data: Buffer.from('a'), flags: 1 }]))))).toMatch(/^encrypted: zip: a is encrypted/);
    expect(await zipErr(readZip(file(build(plain, { eocd: (b) => b.writeUInt16LE(1, 4) }))))).toMatch(/^corrupt: .*split/);
    const f = file(build([{ name: 'lzma', data: Buffer.from('abc'), method: 14 }]));
    expect(await zipErr(openEntry(f, await entry(f, 'lzma')))).toMatch(/^method: .*compression method 14/);
  });

  it('reports a truncated or damaged file', async () => {
    const good = build([{ name: 'a', data: Buffer.from(text) }, { name: 'b', data: Buffer.from(text) }]);
    expect(await zipErr(readZip(file(good.subarray(0, good.length - 10))))).toMatch(/^truncated: .*no end-of-central-directory/);
    expect(await zipErr(readZip(file(good.subarray(0, 100))))).toMatch(/^truncated: /);
    expect(await zipErr(readZip(file(Buffer.alloc(10))))).toMatch(/^truncated: /);
    expect(await zipErr(readZip(file(build([{ name: 'a', data: Buffer.from('a') }], { eocd: (b) => b.writeUInt32LE(5000, 16) }))))).toMatch(
      /^truncated: .*central directory lies past/,
    );
    expect(await zipErr(readZip(file(build([{ name: 'a', data: Buffer.from('a') }], { cdEntry: (b) => b.writeUInt32LE(999, 20) }))))).toMatch(
      /^truncated: .*data of a lies past/,
    );
    // the second entry's header said to be inside the first one's data
    const moved = build([{ name: 'a', data: Buffer.from(text) }, { name: 'b', data: Buffer.from('b') }], {
      cdEntry: (b, i) => i === 1 && b.writeUInt32LE(40, 42),
    });
    const f = file(moved);
    expect(await zipErr(openEntry(f, await entry(f, 'b')))).toMatch(/^corrupt: .*bad local header for b/);
  });

  it('closes the file when the stream is left early', async () => {
    if (process.platform !== 'linux') return;
    const f = file(build([{ name: 'big', data: Buffer.alloc(8 * 1024 * 1024, 'x') }]));
    const fds = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === f;
        } catch {
          return false;
        }
      }).length;
    const stream = await openEntry(f, await entry(f, 'big'));
    for await (const _ of stream) break;
    await new Promise((r) => setTimeout(r, 50));
    expect(fds()).toBe(0);
  });
});

describe('detectFile on zips it cannot read', () => {
  it('an encrypted entry, a zip64 archive', async () => {
    const parts = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), flags: 1 },
    ];
    await expect(detectFile(file(build(parts), 'enc.xlsx'))).rejects.toMatchObject({ code: 'FILE_ENCRYPTED' });
    await expect(detectFile(file(build(parts.slice(0, 1), { eocd: (b) => b.writeUInt16LE(0xffff, 10) }), 'z64.xlsx'))).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      params: { detail: expect.stringMatching(/ZIP64/) },
    });
  });
});
