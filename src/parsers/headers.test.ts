import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, templateWorkbook, writeText } from '../../test/helpers/files.js';
import { FindingList } from '../model/finding.js';
import { sheetSpec } from '../model/sheets.js';
import { hintOf, messageOf } from '../report/messages/index.js';
import { matchHeaders, nearestHeader, specBySignature } from './headers.js';
import { readRows, type ParsedRow } from './rows.js';

const dirs = tempDirs();
afterAll(dirs.cleanup);

describe('headers: the sheet a header row belongs to', () => {
  it('never guesses a Table 15 sheet from headers: a B2C list without its Type is not ecourp2c', () => {
    // taken for b2cs with its Type missing (reported), not silently for Table 15
    expect(specBySignature(['Place Of Supply', 'Rate', 'Taxable Value', 'Cess Amount'])?.spec.id).toBe('b2cs');
    expect(specBySignature(['Type', 'Place Of Supply', 'Rate', 'Taxable Value'])?.spec.id).toBe('b2cs');
  });
});

describe('headers: "did you mean" names the right column', () => {
  const b2cl = sheetSpec('b2cl').columns.map((c) => c.header);
  it('a tax head is never taken for another: IGST Amount is Integrated Tax Amount, not Cess Amount', () => {
    expect(nearestHeader('IGST Amount', b2cl)).toBe('Integrated Tax Amount');
    expect(nearestHeader('CGST Amount', b2cl)).toBe('Central Tax Amount');
    expect(nearestHeader('SGST Amount', b2cl)).toBe('State/UT Tax Amount');
    expect(nearestHeader('UTGST Amount', b2cl)).toBe('State/UT Tax Amount');
    expect(nearestHeader('Net Amount', b2cl)).toBeUndefined();
    expect(nearestHeader('Cess Amont', b2cl)).toBe('Cess Amount');
  });

  it('a date is not a value, a number or a type', () => {
    const b2ba = sheetSpec('b2ba').columns.map((c) => c.header);
    expect(nearestHeader('Invoice Date', b2ba)).toBeUndefined();
    expect(nearestHeader('Invoice Date', b2cl)).toBe('Invoice date');
    expect(nearestHeader('Invoice Numbr', b2cl)).toBe('Invoice Number');
  });

  it('still finds plain misspellings', () => {
    expect(nearestHeader('Taxable Val', b2cl)).toBe('Taxable Value');
    expect(nearestHeader('Ecommerce GSTIN', b2cl)).toBe('E-Commerce GSTIN');
  });
});

describe('headers: a second column of one field', () => {
  const b2b = sheetSpec('b2b');
  // the official template's b2b columns, A to M
  const HEADERS = b2b.columns.slice(0, 13).map((c) => c.header);

  it('is kept apart, by header or alias, naming the column that is read', () => {
    const m = matchHeaders(b2b, [...HEADERS, 'Cess Amount', 'taxable value *', 'GSTIN of Recipient']);
    expect(m.missing).toEqual([]);
    expect(m.unknown).toEqual([]);
    expect(m.columns.txval).toEqual({ header: 'Taxable Value', col: 12 });
    expect(m.repeated).toEqual([
      { field: 'csamt', header: 'Cess Amount', col: 14, first: { header: 'Cess Amount', col: 13 } },
      { field: 'txval', header: 'taxable value *', col: 15, first: { header: 'Taxable Value', col: 12 } },
      { field: 'ctin', header: 'GSTIN of Recipient', col: 16, first: { header: 'GSTIN/UIN of Recipient', col: 1 } },
    ]);
  });

  const row = ['27AAFCP7263Q1ZM', 'Pune Infotech', 'STL/1204', '05-10-2025', 572300, '27-Maharashtra', 'N', '', 'Regular B2B', '', 18, 485000, 0];

  async function read(file: string) {
    const findings = new FindingList();
    const rows: ParsedRow[] = [];
    for await (const r of readRows([file], { findings, stats: [] })) rows.push(r);
    return { rows, findings: findings.items };
  }

  it('is an error at the first row that fills the second column, once per column, and the sheet is read from the first (workbook)', async () => {
    const file = await templateWorkbook(dirs.dir(), 'dup.xlsx', {
      'b2b,sez,de': {
        headers: [...HEADERS, 'Cess Amount', 'Taxable Value'],
        rows: [[...row, '', 12345], [...row.slice(0, 2), 'STL/1205', ...row.slice(3), 999, 678]],
      },
    });
    const { rows, findings } = await read(file);
    expect(findings.map((f) => [f.code, f.severity, f.sheet, f.row, f.column, f.col, f.value])).toEqual([
      ['HEADER_DUPLICATE_COLUMN', 'error', 'b2b,sez,de', 5, 'Taxable Value', 15, '12345'],
      ['HEADER_DUPLICATE_COLUMN', 'error', 'b2b,sez,de', 6, 'Cess Amount', 14, '999'],
    ]);
    expect(messageOf(findings[0]!)).toBe('There are two "Taxable Value" columns, L and O; only column L was read, but column O is filled too (here "12345")');
    expect(hintOf(findings[0]!)).toBe(
      'Keep one "Taxable Value" column: put the right figures in column L and delete column O, or give column O another header if it holds something else.',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.values.txval).toBe(48_500_000);
    expect(rows[0]!.values.csamt).toBe(0);
  });

  it('is not mentioned while the second column is empty in every row: it cannot change the return', async () => {
    const file = await templateWorkbook(dirs.dir(), 'dup-empty.xlsx', {
      'b2b,sez,de': { headers: [...HEADERS, 'Cess Amount', 'Taxable Value'], rows: [row, [...row.slice(0, 2), 'STL/1205', ...row.slice(3), '', '']] },
    });
    const { rows, findings } = await read(file);
    expect(findings).toEqual([]);
    expect(rows.map((r) => [r.row, r.values.txval])).toEqual([[5, 48_500_000], [6, 48_500_000]]);
  });

  it('is the same error in a CSV, an alias named by its own header', async () => {
    const csv = `${[...HEADERS, 'Recipient Name'].join(',')}\n${[...row, 'Other Name'].join(',')}\n`;
    const { rows, findings } = await read(writeText(dirs.dir(), 'b2b.csv', csv));
    expect(findings.map((f) => [f.code, f.sheet, f.row, f.column, f.col])).toEqual([['HEADER_DUPLICATE_COLUMN', 'b2b,sez,de', 2, 'Recipient Name', 14]]);
    expect(messageOf(findings[0]!)).toBe(
      'There are two "Receiver Name" columns, B ("Receiver Name") and N ("Recipient Name"); only column B was read, but column N is filled too (here "Other Name")',
    );
    expect(rows[0]!.values.receiverName).toBe('Pune Infotech');
  });
});
