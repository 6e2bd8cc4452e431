import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECOND_READING_FROM } from '../api/process.js';
import { dropPrestarted, isPrestarted, secondCore } from '../parsers/host/threads.js';
import { inputFiles } from './child-env.js';
import { prestartReaders } from './prestart.js';

afterEach(() => dropPrestarted());

/** as main.ts calls it: the command, and its input files with their sizes */
const prestart = (args: string[]) => prestartReaders(args[0], inputFiles(args));

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
    await prestart(['validate', b2b, cdnr, '--gstin', '27AAACR5055K1Z7', '--period', '102025']);
    expect(started()).toEqual({ csv: csvThread, xlsx: false });
    dropPrestarted();
    await prestart(['convert', tsv, '--out', join(dir, 'r.json')]);
    expect(started()).toEqual({ csv: csvThread, xlsx: false });
  });

  it('starts no CSV thread for smaller CSV files, or CSV files with a file of another kind', async () => {
    await prestart(['validate', b2b]);
    await prestart(['validate', small]);
    await prestart(['convert', tsv, json]);
    expect(started()).toEqual({ csv: false, xlsx: false });
  });

  it('starts the workbook reader for a workbook of any size', async () => {
    await prestart(['validate', book, '--annotate', join(dir, 'sales-errors.xlsx')]);
    expect(started()).toEqual({ csv: false, xlsx: xlsxThread });
    dropPrestarted();
    await prestart(['convert', book, tsv]);
    expect(started()).toEqual({ csv: false, xlsx: xlsxThread });
  });

  it('starts nothing for other commands, or when the large CSV is an output', async () => {
    await prestart(['status', tsv]);
    await prestart(['validate', small, '--report', tsv]);
    await prestart([]);
    expect(started()).toEqual({ csv: false, xlsx: false });
  });
});
