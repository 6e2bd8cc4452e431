import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECOND_READING_FROM } from '../api/process.js';
import { dropPrestarted, isPrestarted, secondCore } from '../parsers/host/threads.js';
import { prestartReaders } from './prestart.js';

afterEach(() => dropPrestarted());

const started = () => ({ csv: isPrestarted('row-rules-worker'), xlsx: isPrestarted('xlsx-worker') });
/** on a machine with one core (or the variables at 0) nothing is prestarted, as nothing would be started */
const csvThread = secondCore('GSTR1_RULE_THREAD');
const xlsxThread = secondCore('GSTR1_READER_THREAD');

const dir = mkdtempSync(join(tmpdir(), 'gstr1-prestart-'));
function file(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, 0x61));
  return path;
}
const half = Math.ceil(SECOND_READING_FROM / 2);
const b2b = file('b2b.csv', half);
const cdnr = file('cdnr.CSV', half);
const small = file('small.csv', 100);
const tsv = file('sales.tsv', SECOND_READING_FROM);
const book = file('sales.xlsx', 100);
const json = file('return.json', SECOND_READING_FROM);

describe('prestartReaders', () => {
  it('starts the CSV thread for validate or convert of CSV files as large as the engine reads on a thread', async () => {
    await prestartReaders(['validate', b2b, cdnr, '--gstin', '27AAACR5055K1Z7', '--period', '102025']);
    expect(started()).toEqual({ csv: csvThread, xlsx: false });
    dropPrestarted();
    await prestartReaders(['convert', tsv, '--out', join(dir, 'r.json')]);
    expect(started()).toEqual({ csv: csvThread, xlsx: false });
  });

  it('starts no CSV thread for smaller CSV files, or CSV files with a file of another kind', async () => {
    await prestartReaders(['validate', b2b]);
    await prestartReaders(['validate', small]);
    await prestartReaders(['convert', tsv, json]);
    expect(started()).toEqual({ csv: false, xlsx: false });
  });

  it('starts the workbook reader for a workbook of any size', async () => {
    await prestartReaders(['validate', book, '--annotate', join(dir, 'sales-errors.xlsx')]);
    expect(started()).toEqual({ csv: false, xlsx: xlsxThread });
    dropPrestarted();
    await prestartReaders(['convert', book, tsv]);
    expect(started()).toEqual({ csv: false, xlsx: xlsxThread });
  });

  it('starts nothing for other commands, or when the large CSV is an output', async () => {
    await prestartReaders(['status', tsv]);
    await prestartReaders(['validate', small, '--report', tsv]);
    await prestartReaders([]);
    expect(started()).toEqual({ csv: false, xlsx: false });
  });
});
