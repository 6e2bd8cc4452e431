/** The findings CSV opens in Excel on Windows as UTF-8: it starts with a byte-order mark. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/helpers/cli.js';
import { reportCsv } from './findings-data.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-findings-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';

describe('findings CSV: UTF-8 with a byte-order mark', () => {
  it('the text starts with the mark, and reads back with its header and values whole', () => {
    const text = reportCsv([{ code: 'RET191112', severity: 'error', file: 'b2b.csv', row: 2, column: 'Place Of Supply', value: '99-महाराष्ट्र' }], 'web');
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows[0]![0]).toBe('severity');
    expect(rows[1]![6]).toBe('99-महाराष्ट्र');
  });

  it('validate --report x.csv writes it so', async () => {
    const csv = join(dir, 'b2b.csv');
    writeFileSync(csv, `${HEADER}\n29AAACR5055K1Z3,कावेरी ट्रेडर्स,INV 1,05-10-2025,11800,29-Karnataka,N,,Regular B2B,,18,10000,\n`);
    const report = join(dir, 'findings.csv');
    const r = await cli('validate', csv, '--gstin', '27AAKCS4821M1ZW', '--period', '102025', '--report', report);
    expect(r.code, r.stderr).toBe(1);
    const bytes = readFileSync(report);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1, 15)).toBe('severity,code,');
    expect(Papa.parse<string[]>(bytes.toString('utf8').trim()).data.find((l) => l[1] === 'DOCNUM_FORMAT')?.[6]).toBe('INV 1');
  });
});
