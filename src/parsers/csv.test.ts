/** CSV reading: line endings and encodings a file may arrive in. */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeText } from '../../test/helpers/files.js';
import { InputError } from '../model/errors.js';
import { messageOf } from '../report/messages/index.js';
import { readCsv, sniffCsv } from './csv.js';
import type { RawCell } from './raw.js';

const dirs = tempDirs();
afterAll(dirs.cleanup);

async function rowsOfFile(file: string): Promise<RawCell[][]> {
  const out: RawCell[][] = [];
  for await (const sheet of readCsv(file)) for await (const r of sheet.rows) out.push([...r.cells]);
  return out;
}

/** What reading `file` throws. */
async function failure(file: string): Promise<unknown> {
  try {
    await rowsOfFile(file);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('CSV line endings', () => {
  it('every CRLF, LF and CR outside quotes ends a row (files concatenated on different systems)', async () => {
    const text = 'GSTIN,Invoice\r\n27AAFCD5862R1ZR,A-1\n27AAFCD5862R1ZR,A-2\r27AAFCD5862R1ZR,A-3\r\n"27AAFCD5862R1ZR","multi\r\nline"\n';
    const rows = await rowsOfFile(writeText(dirs.dir(), 'mixed.csv', text));
    expect(rows).toEqual([
      ['GSTIN', 'Invoice'],
      ['27AAFCD5862R1ZR', 'A-1'],
      ['27AAFCD5862R1ZR', 'A-2'],
      ['27AAFCD5862R1ZR', 'A-3'],
      ['27AAFCD5862R1ZR', 'multi\nline'],
    ]);
  });

  it('a CRLF split across two read chunks is one line ending', async () => {
    // the stream reads 64 KiB at a time: put the CR last in the first chunk
    const head = 'a,b\n';
    const filler = `x,${'y'.repeat(65_536 - head.length - 3)}`;
    const text = `${head}${filler}\r\nlast,row\rend,row\n`;
    expect(Buffer.byteLength(`${head}${filler}`)).toBe(65_535);
    const rows = await rowsOfFile(writeText(dirs.dir(), 'split.csv', text));
    expect(rows.map((r) => r[0])).toEqual(['a', 'x', 'last', 'end']);
  });

  it('a lone CR in the line that crosses two read chunks, and one ending the file, end rows (CRLF around them)', async () => {
    const head = 'a,b\r\n';
    const filler = `x,${'y'.repeat(65_536 - head.length - 6)}`;
    // the first chunk ends inside "p\rq,r": the CR is in the line the next chunk finishes
    const text = `${head}${filler}\r\np\rq,r\r\nlast,row\r`;
    expect(Buffer.byteLength(`${head}${filler}\r\np`)).toBe(65_535);
    const rows = await rowsOfFile(writeText(dirs.dir(), 'lone.csv', text));
    expect(rows.map((r) => r.join('|'))).toEqual(['a|b', `x|${'y'.repeat(65_536 - head.length - 6)}`, 'p', 'q|r', 'last|row']);
  });

  it('a large file of CR line ends (old Mac) is read a chunk at a time, not gathered whole', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `27AAFCD5862R1ZR;INV-${i};${'x'.repeat(20)}`);
    const file = writeText(dirs.dir(), 'mac.csv', `GSTIN;Invoice;Note\r${rows.join('\r')}\r`);
    const batches: number[] = [];
    for await (const sheet of readCsv(file)) for await (const b of sheet.batches!) batches.push(b.length);
    // about 570 KB: one batch per 64 KB read, as an LF or CRLF file gives
    expect(batches.length).toBeGreaterThanOrEqual(8);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(12_001);
    expect(Math.max(...batches)).toBeLessThan(2000);
  });

  it('a character cut by the 64 KiB read chunks is read whole (UTF-8 through the host decoder)', async () => {
    const head = 'a,b\n';
    const filler = `x,${'y'.repeat(65_536 - head.length - 5)}\n`;
    const text = `${head}${filler}₹,Śrī\n`;
    // the rupee sign's 3 bytes start 2 bytes before the chunk edge
    expect(Buffer.byteLength(`${head}${filler}`)).toBe(65_534);
    const rows = await rowsOfFile(writeText(dirs.dir(), 'cut.csv', text));
    expect(rows.at(-1)).toEqual(['₹', 'Śrī']);
    expect(rows.length).toBe(3);
  });

  it('a file of CR-only lines (old Mac) guesses its separator from the first line', async () => {
    const file = writeText(dirs.dir(), 'cr.csv', 'a;b\r1;2\r');
    expect((await sniffCsv(file)).delimiter).toBe(';');
    expect(await rowsOfFile(file)).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('CSV encodings', () => {
  const text = 'GSTIN,Receiver Name\n27AAFCD5862R1ZR,Śrī Traders\n';
  const be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)]), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE without BOM', be(text), 'utf-16be'],
  ])('%s is decoded', async (_name, bytes, encoding) => {
    const file = writeText(dirs.dir(), 'u16.csv', bytes);
    expect((await sniffCsv(file)).encoding).toBe(encoding);
    expect(await rowsOfFile(file)).toEqual([['GSTIN', 'Receiver Name'], ['27AAFCD5862R1ZR', 'Śrī Traders']]);
  });
});

describe('a file named .csv that is not text', () => {
  const refusal = async (bytes: Buffer) => {
    const e = await failure(writeText(dirs.dir(), 'invoice.csv', bytes));
    expect(e).toBeInstanceOf(InputError);
    return { code: (e as InputError).code, message: messageOf(e as InputError) };
  };
  // bytes as a compressed stream has them: every value, control bytes and NULs among them
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));

  it('a PDF, a picture or binary data is FILE_NOT_TEXT, said as what it is (not a file of two encodings)', async () => {
    expect(await refusal(Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n'), noise]))).toMatchObject({
      code: 'FILE_NOT_TEXT', message: expect.stringMatching(/invoice\.csv is not a CSV or text file: it is a PDF document/),
    });
    expect((await refusal(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), noise]))).message).toMatch(/it is a picture/);
    expect(await refusal(noise)).toMatchObject({ code: 'FILE_NOT_TEXT', message: expect.stringMatching(/it holds binary data/) });
  });

  it('a text CSV with a few stray control characters (a pasted one, NUL padding) is still read', async () => {
    const text = 'GSTIN,Receiver Name\n27AAFCD5862R1ZR,Sri\x1f Traders\n27AAFCD5862R1ZR,B\x07\n';
    const file = writeText(dirs.dir(), 'stray.csv', Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(4)]));
    expect((await rowsOfFile(file))[1]).toEqual(['27AAFCD5862R1ZR', 'Sri\x1f Traders']);
  });
});

describe('CSV text in Windows-1252 or damaged, past the first 64 KB', () => {
  const HEADER = 'HSN,Description,UQC,Total Quantity,Total Value,Rate,Taxable Value\n';
  // plain ASCII lines, more than the sniff's 64 KB
  const filler = '08061000,Plain biscuits,KGS-KILOGRAMS,10,100.00,0,100.00\n'.repeat(1300);

  it('Windows-1252 after plain ASCII is read as Windows-1252: no garbled text', async () => {
    const text = Buffer.concat([Buffer.from(HEADER + filler), Buffer.from('08061000,Caf\xe9 cr\xe8me biscuits,KGS-KILOGRAMS,1,1.00,0,1.00\n', 'latin1')]);
    expect(text.length).toBeGreaterThan(70_000);
    const file = writeText(dirs.dir(), 'hsn1252.csv', text);
    expect((await sniffCsv(file)).encoding).toBe('utf-8');
    const rows = await rowsOfFile(file);
    expect(rows).toHaveLength(1302);
    expect(rows.at(-1)![1]).toBe('Café crème biscuits');
  });

  it('a byte that is not UTF-8 after UTF-8 text refuses the file at its row', async () => {
    const text = Buffer.concat([Buffer.from(`${HEADER}08061000,Śrī biscuits,KGS-KILOGRAMS,1,1.00,0,1.00\n${filler}`), Buffer.from('08061000,Caf\xe9,KGS-KILOGRAMS,1,1.00,0,1.00\n', 'latin1')]);
    const e = await failure(writeText(dirs.dir(), 'mixed.csv', text));
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ code: 'FILE_TEXT_DAMAGED', params: { row: 1303 } });
    expect(messageOf(e as InputError)).toMatch(/^.*mixed\.csv has damaged text on row 1303: among its UTF-8 text are bytes that are not UTF-8/);
  });

  it('names the row of the damaged byte, not an earlier row holding a U+FFFD typed in it', async () => {
    const text = Buffer.concat([Buffer.from(`${HEADER}08061000,Sweets \ufffd box,KGS-KILOGRAMS,1,1.00,0,1.00\n${filler}`), Buffer.from('08061000,Caf\xe9,KGS-KILOGRAMS,1,1.00,0,1.00\n', 'latin1')]);
    expect(await failure(writeText(dirs.dir(), 'typed.csv', text))).toMatchObject({ code: 'FILE_TEXT_DAMAGED', params: { row: 1303 } });
  });

  it('so does one after plain ASCII in a file whose byte-order mark says UTF-8', async () => {
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + filler), Buffer.from('08061000,Caf\xe9,KGS,1,1.00,0,1.00\n', 'latin1')]);
    expect(await failure(writeText(dirs.dir(), 'bom.csv', text))).toMatchObject({ code: 'FILE_TEXT_DAMAGED', params: { row: 1302 } });
  });
});

describe('CSV text in Windows-1252 with UTF-8 in it (two files put together)', () => {
  const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number\n';
  const row = (n: number, name: string) => `27AAFCD5862R1ZR,${name},INV-${n}\n`;
  // more than the 64 KB the encoding is guessed from
  const plain = Array.from({ length: 2000 }, (_, i) => row(i, 'Plain Traders')).join('');
  const cp1252 = (s: string) => Buffer.from(s.replace('’', '\x92').replace('–', '\x96').replace('€', '\x80'), 'latin1');

  it('reads Windows-1252 text whole: accented letters, curly quotes, dashes and € (no UTF-8 seen in "CAFÉ’S")', async () => {
    const file = writeText(dirs.dir(), 'w1252.csv', Buffer.concat([Buffer.from(HEADER), cp1252(row(1, 'CAFÉ’S – Crème €5'))]));
    expect((await sniffCsv(file)).encoding).toBe('windows-1252');
    expect((await rowsOfFile(file))[1]).toEqual(['27AAFCD5862R1ZR', 'CAFÉ’S – Crème €5', 'INV-1']);
  });

  it('refuses a Windows-1252 file with UTF-8 rows after it at the first of them, saying what it found', async () => {
    const text = Buffer.concat([Buffer.from(HEADER), cp1252(row(1, 'Café Traders')), Buffer.from(plain), Buffer.from(row(2, 'Śrī ₹ Traders'))]);
    const e = await failure(writeText(dirs.dir(), 'joined.csv', text));
    expect(e).toMatchObject({ code: 'FILE_TEXT_MIXED_ENCODINGS', params: { row: 2003, windows1252: 'Åš', utf8: 'Ś' } });
    expect(messageOf(e as InputError)).toMatch(/joined\.csv mixes two text encodings: .* row 2003 also has text that looks like UTF-8 \("Åš" there is "Ś" written in UTF-8\)/);
  });

  it('so it does when the file turned to Windows-1252 after 64 KB of plain ASCII', async () => {
    const text = Buffer.concat([Buffer.from(HEADER + plain), cp1252(row(1, 'Café Traders')), Buffer.from(plain), Buffer.from(row(2, 'Lakshmi ₹ Traders'))]);
    const file = writeText(dirs.dir(), 'late.csv', text);
    expect((await sniffCsv(file)).encoding).toBe('utf-8');
    expect(await failure(file)).toMatchObject({ code: 'FILE_TEXT_MIXED_ENCODINGS', params: { row: 4003, windows1252: 'â‚¹', utf8: '₹' } });
  });

  it('and when the UTF-8 comes first, within the 64 KB the encoding is guessed from', async () => {
    const text = Buffer.concat([Buffer.from(HEADER), Buffer.from(row(1, 'Crème Traders')), cp1252(row(2, 'Café Traders'))]);
    expect(await failure(writeText(dirs.dir(), 'first.csv', text))).toMatchObject({ code: 'FILE_TEXT_MIXED_ENCODINGS', params: { row: 2, utf8: 'è' } });
  });
});
