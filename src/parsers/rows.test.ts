/** Parsed rows: every field of the sheet present, in column order, whatever the row left blank. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeText } from '../../test/helpers/files.js';
import { FindingList } from '../model/finding.js';
import { sheetSpec } from '../model/sheets.js';
import { LEGACY_LAYOUTS } from './legacy.js';
import { readRows, valuesMaker, type ParsedRow, type SheetStats } from './rows.js';
import { hintOf, messageOf } from '../report/messages/index.js';

const dirs = tempDirs();
afterAll(dirs.cleanup);

const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';

async function rowsOf(text: string): Promise<{ rows: ParsedRow[]; findings: FindingList }> {
  const findings = new FindingList();
  const rows: ParsedRow[] = [];
  for await (const r of readRows([writeText(dirs.dir(), 'b2b.csv', text)], { findings, stats: [] })) rows.push(r);
  return { rows, findings };
}

describe('parsed rows', () => {
  it('hold every field of the sheet in column order: blank cells as undefined or their default', async () => {
    const { rows, findings } = await rowsOf(
      `${HEADER}\n27AAFCD5862R1ZR,Dee Traders,INV/1,05-Oct-2025,1180.00,27-Maharashtra,N,,Regular B2B,,18,1000.00,0.00\n` +
        '27AAFCD5862R1ZR,,INV/2,06-Oct-2025,118.00,27-Maharashtra,,,Regular B2B,,18,100.00,\n',
    );
    expect(findings.items).toEqual([]);
    const fields = sheetSpec('b2b').columns.map((c) => c.field);
    for (const r of rows) expect(Object.keys(r.values)).toEqual(fields);
    const second = rows[1]!.values as Record<string, unknown>;
    expect(second.rchrg).toBe('N');
    expect(second.diffPercent).toBe(100);
    expect('etin' in second && second.etin === undefined).toBe(true);
    expect(second.txval).toBe(10_000);
  });

  it('each row gets values of its own, the compiled object and the one stored field by field alike', async () => {
    const { rows } = await rowsOf(
      `${HEADER}\n27AAFCD5862R1ZR,Dee,INV/1,05-Oct-2025,1180.00,27-Maharashtra,N,,Regular B2B,,18,1000.00,0\n` +
        '29AAFCD5862R1ZR,Eve,INV/2,06-Oct-2025,118.00,29-Karnataka,N,,Regular B2B,,5,100.00,0\n',
    );
    // the slots are reused row to row: the first row's values must not change with the second's
    expect([rows[0]!.values.inum, rows[1]!.values.inum]).toEqual(['INV/1', 'INV/2']);
    const fields = sheetSpec('b2b').columns.map((c) => c.field);
    const slots = fields.map((f, i) => `${f}:${i}`);
    const compiled = valuesMaker(fields)(slots);
    // a page whose security policy forbids compiling code: fields stored one by one
    const stored = valuesMaker(fields, () => {
      throw new EvalError('refused by the page');
    })(slots);
    expect(Object.entries(compiled)).toEqual(fields.map((f, i) => [f, `${f}:${i}`]));
    expect(Object.entries(stored)).toEqual(Object.entries(compiled));
  });

  it('a row missing a required cell is reported and not handed on', async () => {
    const { rows, findings } = await rowsOf(`${HEADER}\n27AAFCD5862R1ZR,Dee,,05-Oct-2025,118.00,27-Maharashtra,N,,Regular B2B,,18,100.00,0\n`);
    expect(rows).toEqual([]);
    expect(findings.items.map((f) => [f.code, f.column])).toEqual([['CELL_REQUIRED', 'Invoice Number']]);
  });
});

describe('older template layouts', () => {
  it('default only columns of their sheet: a blank cell of that column takes the default, so no field is lost', () => {
    for (const l of LEGACY_LAYOUTS) {
      const fields = sheetSpec(l.sheet).columns.map((c) => c.field);
      for (const f of Object.keys(l.defaults)) expect(fields, `${l.sheet}.${f}`).toContain(f);
    }
  });
});

const B2B = sheetSpec('b2b').columns.slice(0, 13).map((c) => c.header);
const invoice = (n: number) => ['27AAFCD5862R1ZR', 'Dee Traders', `INV/${n}`, '05-Oct-2025', 1180, '27-Maharashtra', 'N', '', 'Regular B2B', '', 18, 1000, 0];

/** A workbook of sheets with headers on row 1; `hidden` sheets saved hidden. */
async function book(sheets: { name: string; headers: string[]; rows: unknown[][]; hidden?: boolean }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    ws.addRow(s.headers);
    for (const r of s.rows) ws.addRow(r);
  }
  const p = join(dirs.dir(), 'book.xlsx');
  await wb.xlsx.writeFile(p);
  return p;
}

async function read(file: string) {
  const findings = new FindingList();
  const stats: SheetStats[] = [];
  const rows: ParsedRow[] = [];
  for await (const r of readRows([file], { findings, stats })) rows.push(r);
  const found = findings.items.map((f) => [f.code, f.sheet, f.row, f.column ?? f.params?.like]);
  return { rows, found, stats, params: findings.items.map((f) => f.params) };
}

describe('hidden sheets', () => {
  it('one whose headers are a template sheet\'s is reported, not read; unhidden it is read', async () => {
    const more = { name: 'b2b more', headers: B2B, rows: [invoice(2), invoice(3)] };
    const hidden = await read(await book([{ name: 'b2b', headers: B2B, rows: [invoice(1)] }, { ...more, hidden: true }]));
    expect(hidden.rows.map((r) => r.values.inum)).toEqual(['INV/1']);
    expect(hidden.found).toEqual([['SHEET_HIDDEN_SKIPPED', 'b2b more', 1, 'b2b,sez,de']]);
    expect(hidden.params).toEqual([{ sheet: 'b2b more', like: 'b2b,sez,de' }]);
    const shown = await read(await book([{ name: 'b2b', headers: B2B, rows: [invoice(1)] }, more]));
    expect(shown.rows.map((r) => r.values.inum)).toEqual(['INV/1', 'INV/2', 'INV/3']);
    expect(shown.found).toEqual([]);
  });

  it('a workbook whose only return sheet is hidden is told so, not "no sheet this tool recognises"', async () => {
    const file = await book([{ name: 'b2b more', headers: B2B, rows: [invoice(2)], hidden: true }]);
    await expect(read(file)).rejects.toMatchObject({ code: 'FILE_ONLY_HIDDEN_SHEETS', params: { sheets: 'b2b more (laid out like b2b,sez,de)' } });
  });

  it('one of the user\'s own (a lookup list) or the template\'s master is passed over without a word', async () => {
    const { rows, found } = await read(
      await book([
        { name: 'b2b', headers: B2B, rows: [invoice(1)] },
        { name: 'Customers', headers: ['Customer', 'GSTIN', 'City'], rows: [['Dee Traders', '27AAFCD5862R1ZR', 'Pune']], hidden: true },
        { name: 'master', headers: ['UQC', 'State'], rows: [['NOS', '27-Maharashtra']], hidden: true },
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(found).toEqual([]);
  });
});

describe('totals lines', () => {
  // row 2: a customer whose name starts with "Total", GSTIN left blank; row 3: the sheet's totals
  const b2bRows = [invoice(1), ['', 'Total Office Solutions', 'INV/26', '06-Oct-2025', 11800, '27-Maharashtra', 'N', '', 'Regular B2B', '', 18, 10000, 0], ['Total', '', '', '', 12980, '', '', '', '', '', '', 11000, 0]];
  const expected = [
    ['CELL_REQUIRED', 'b2b', 3, 'GSTIN/UIN of Recipient'],
    ['TOTALS_ROW_SKIPPED', 'b2b', 4, 'GSTIN/UIN of Recipient'],
  ];

  it('a row with a document of its own is read, whatever its first cell says; a totals line is skipped and reported', async () => {
    const { rows, found, stats, params } = await read(await book([{ name: 'b2b', headers: B2B, rows: b2bRows }]));
    expect(rows.map((r) => r.values.inum)).toEqual(['INV/1']);
    expect(found).toEqual(expected);
    expect(params[1]).toEqual({ label: 'Total' });
    expect(stats[0]).toMatchObject({ read: 2, rejected: 1, skipped: 1 });
  });

  it('the same in a CSV', async () => {
    const csv = [B2B, ...b2bRows].map((r) => r.join(',')).join('\n');
    const { rows, found, stats } = await read(writeText(dirs.dir(), 'b2b.csv', csv));
    expect(rows.map((r) => r.values.inum)).toEqual(['INV/1']);
    expect(found).toEqual(expected.map(([code, , row, what]) => [code, 'b2b,sez,de', row, what]));
    expect(stats[0]).toMatchObject({ read: 2, rejected: 1, skipped: 1 });
  });

  it('sheets without document numbers: b2cs by its place of supply, hsn by its code', async () => {
    const hsn = sheetSpec('hsnb2b').columns.slice(0, 8).map((c) => c.header);
    const b2cs = sheetSpec('b2cs').columns.slice(0, 6).map((c) => c.header);
    const { rows, found } = await read(
      await book([
        { name: 'hsn(b2b)', headers: hsn, rows: [['8471', 'Laptops', '', 'NOS-NUMBERS', 2, 118000, 18, 100000], ['', 'Total station', '', 'NOS-NUMBERS', 1, 11800, 18, 10000], ['Total', '', '', '', 3, 129800, '', 110000]] },
        { name: 'b2cs', headers: b2cs, rows: [['OE', '27-Maharashtra', '', 5, 1000, 0], ['Total', '', '', '', 1000, 0]] },
      ]),
    );
    expect(rows.map((r) => r.ctx.sheet)).toEqual(['hsn(b2b)', 'b2cs']);
    // a line with a description, a unit and figures but no HSN is no totals line: its missing code is reported
    expect(found).toEqual([
      ['CELL_REQUIRED', 'hsn(b2b)', 3, 'HSN'],
      ['TOTALS_ROW_SKIPPED', 'hsn(b2b)', 4, 'HSN'],
      ['TOTALS_ROW_SKIPPED', 'b2cs', 3, 'Type'],
    ]);
  });
});

describe('rows with data only in columns that are not read', () => {
  // column N "Remarks" is not a b2b column; column O has no header (a running total typed beside the data)
  const rows = [
    [...invoice(1), 'checked', 1180],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', 'Customer asked for a revised invoice, to be issued next month', 1180],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', '', 2360],
    ['', 'Dee Traders', 'INV/3', '05-Oct-2025', 1180, '27-Maharashtra', 'N', '', 'Regular B2B', '', 18, 1000, 0, 'no GSTIN yet'],
  ];

  it('are skipped and told once each, naming the filled cells, not a CELL_REQUIRED per empty column', async () => {
    const findings = new FindingList();
    const stats: SheetStats[] = [];
    const read: ParsedRow[] = [];
    for await (const r of readRows([await book([{ name: 'b2b', headers: [...B2B, 'Remarks'], rows }])], { findings, stats })) read.push(r);
    const f = findings.items;
    expect(f.map((x) => [x.code, x.severity, x.row, x.column, x.col, x.value])).toEqual([
      ['HEADER_COLUMN_IGNORED', 'warning', 1, 'Remarks', 14, undefined],
      ['ROW_ONLY_UNREAD_COLUMNS', 'warning', 3, 'Remarks', 14, 'Customer asked for a revised invoice, to be issued next month'],
      ['ROW_ONLY_UNREAD_COLUMNS', 'warning', 4, undefined, 15, '2360'],
      // a row with something in the columns that are read is read as before: what it lacks is reported
      ['CELL_REQUIRED', 'error', 5, 'GSTIN/UIN of Recipient', 1, undefined],
    ]);
    expect(messageOf(f[1]!)).toBe(
      'This row has nothing in the columns that are read, only in columns that are not: ' +
        'column N ("Remarks"): "Customer asked for a revised invoice, t…", column O: "1180"; the row was skipped',
    );
    expect(messageOf(f[2]!)).toBe('This row has nothing in the columns that are read, only in a column that is not: column O: "2360"; the row was skipped');
    expect(hintOf(f[2]!)).toMatch(/^Nothing to do if it is a note or a running total/);
    // every row accounted for: 2 read (1 mapped, 1 rejected), 2 skipped
    expect(read.map((r) => r.values.inum)).toEqual(['INV/1']);
    expect(stats[0]).toMatchObject({ read: 2, rejected: 1, skipped: 2 });
  });

  it('more than three filled cells: three named, the rest counted', async () => {
    const findings = new FindingList();
    const headers = [...B2B, 'Note 1', 'Note 2', 'Note 3', 'Note 4'];
    const row = [...B2B.map(() => ''), 'a', 'b', 'c', 'd'];
    for await (const _ of readRows([await book([{ name: 'b2b', headers, rows: [invoice(1), row] }])], { findings, stats: [] }));
    const f = findings.items.filter((x) => x.code === 'ROW_ONLY_UNREAD_COLUMNS');
    expect(f).toHaveLength(1);
    expect(messageOf(f[0]!)).toBe(
      'This row has nothing in the columns that are read, only in columns that are not: ' +
        'column N ("Note 1"): "a", column O ("Note 2"): "b", column P ("Note 3"): "c" and 1 more; the row was skipped',
    );
  });
});
