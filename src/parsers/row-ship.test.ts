/**
 * Rows packed on the reading thread and landed on the mapping thread are the rows the reader
 * gave: the same numbers, values (keys in the same order), cells, blank cells, findings and counts,
 * whether their batch was sent as lines or as cells.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_KINDS, type Field } from '../model/fields.js';
import { FindingList } from '../model/finding.js';
import type { Period } from '../model/period.js';
import { sheetSpec } from '../model/sheets.js';
import { RowLanding, RowPacker, shippedBuffers, ShippedRow, type ShippedBatch } from './row-ship.js';
import { isBlankCell, readRowBatches, type ParsedRow, type SheetContext, type SheetStats } from './rows.js';

const period: Period = { month: 10, year: 2025 };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-ship-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const B2B = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';

/** What the reader gives in this thread, and what lands after packing, a structured clone (the thread's trip) and landing. */
async function bothWays(files: string[]) {
  const plain = { findings: new FindingList(), stats: [] as SheetStats[], rows: [] as ParsedRow[] };
  for await (const b of readRowBatches(files, { findings: plain.findings, stats: plain.stats, period })) for (const r of b) plain.rows.push(r);
  const packer = new RowPacker();
  const landed = { findings: new FindingList(), stats: [] as SheetStats[], rows: [] as ShippedRow[], lines: 0, batches: 0 };
  const landing = new RowLanding(landed.findings, landed.stats);
  const trip = (b: ShippedBatch) => structuredClone(b, { transfer: shippedBuffers(b) });
  const rows: ParsedRow[] = [];
  for await (const b of readRowBatches(files, { findings: packer.findings, stats: packer.stats, period })) {
    for (const r of b) rows.push(r);
    landed.lines += rows.filter((r) => r.line !== undefined).length;
    landed.batches++;
    landed.rows.push(...landing.land(trip(packer.pack(rows))));
    rows.length = 0;
  }
  landing.land(trip(packer.pack([])));
  return { plain, landed };
}

function expectSame(plain: Awaited<ReturnType<typeof bothWays>>['plain'], landed: Awaited<ReturnType<typeof bothWays>>['landed']) {
  expect(landed.rows.length).toBe(plain.rows.length);
  plain.rows.forEach((p, i) => {
    const l = landed.rows[i]!;
    expect(l.row).toBe(p.row);
    expect(Object.keys(l.values)).toEqual(Object.keys(p.values));
    expect(l.values).toEqual(p.values);
    expect(l.cells).toEqual(p.cells);
    const ctx: Partial<SheetContext> = { ...l.ctx };
    expect(ctx).toEqual({ ...p.ctx });
    for (const f of Object.keys(FIELD_KINDS) as Field[]) expect(isBlankCell(l, f), `${p.row} ${f}`).toBe(isBlankCell(p, f));
  });
  expect(landed.findings.items).toEqual(plain.findings.items);
  expect(landed.stats).toEqual(plain.stats);
}

describe('rows packed for the mapping thread', () => {
  it('land as the reader gave them: template CSVs, lines with quotes and without, rejected and totals rows, findings and counts', async () => {
    const sample = join(import.meta.dirname, '../../test/fixtures/sample-csv');
    const files = readdirSync(sample).filter((f) => f.endsWith('.csv')).map((f) => join(sample, f));
    const b2b = join(dir, 'b2b.csv');
    const lines = [B2B];
    for (let i = 1; i <= 3000; i++) {
      const name = i > 2500 && i % 97 === 0 ? '"Acme, Pvt Ltd"' : i % 13 === 0 ? 'Café ₹ Traders' : 'Coastal Industries LLP';
      // blank reverse charge (its default, N) on some lines, typed on others; a bad date now and then
      const date = i % 401 === 0 ? '31-13-2025' : '19-Oct-2025';
      lines.push(`27YLDFB7541I1Z4,${name},TI/${Math.ceil(i / 2)},${date},5463.85,27-Maharashtra,${i % 3 ? 'N' : ''},,Regular B2B,,18,4630.38,${i % 5 ? '' : '1.5'}`);
    }
    lines.push('Total,,,,,,,,,,,9999,');
    writeFileSync(b2b, lines.join('\r\n'));
    const semi = join(dir, 'b2cs.csv');
    writeFileSync(semi, 'Type;Place Of Supply;Applicable % of Tax Rate;Rate;Taxable Value;Cess Amount;E-Commerce GSTIN\nOE;27-Maharashtra;;18;1000;;\n;;;;;;\nOE;29-Karnataka;65;5;200.50;;\n');
    const { plain, landed } = await bothWays([...files, b2b, semi]);
    expectSame(plain, landed);
    expect(plain.rows.length).toBeGreaterThan(3000);
    // both ways of sending cells were taken, and the reader's findings came along
    expect(landed.lines).toBeGreaterThan(1000);
    expect(landed.lines).toBeLessThan(landed.rows.length);
    expect(plain.findings.items.some((f) => f.code === 'TOTALS_ROW_SKIPPED')).toBe(true);
    expect(plain.findings.items.some((f) => f.row !== undefined && f.file === b2b && f.code !== 'TOTALS_ROW_SKIPPED')).toBe(true);
  });

  it('number the texts of a repeating column once each, up to the dictionary\'s size, and send the rest as text', async () => {
    const hsn = join(dir, 'hsn(b2b).csv');
    const lines = ['HSN,Description,Description as per HSN Code,UQC,Total Quantity,Total Value,Rate,Taxable Value,Integrated Tax Amount,Central Tax Amount,State/UT Tax Amount,Cess Amount'];
    // 1,500 codes, each met about four times in no order: more than the 1,024 numbered; units of a few kinds
    for (let i = 0; i < 6000; i++) lines.push(`${84710000 + ((i * 7919) % 1500)},Parts,Parts,${['NOS', 'KGS', 'BOX'][i % 3]},${i % 50},1180,18,1000,180,0,0,0`);
    writeFileSync(hsn, lines.join('\n'));
    const { plain, landed } = await bothWays([hsn]);
    expect(plain.rows.length).toBe(6000);
    expectSame(plain, landed);
  });

  it('carry an older layout\'s own sheet spec (not the registered one) and its defaults', async () => {
    const v1 = join(dir, 'cdnr.csv');
    writeFileSync(v1, [
      'GSTIN/UIN of Recipient,Invoice/Advance Receipt Number,Invoice/Advance Receipt date,Note/Refund Voucher Number,Note/Refund Voucher date,Document Type,Reason For Issuing document,Place Of Supply,Note/Refund Voucher Value,Rate,Taxable Value,Cess Amount,Pre GST',
      '29AAACR5055K1Z3,V1/101,05-Mar-2025,CN/7,20-Oct-2025,C,01-Sales Return,29-Karnataka,1180,18,1000,,N',
    ].join('\n'));
    const { plain, landed } = await bothWays([v1]);
    expect(plain.rows).toHaveLength(1);
    expect(plain.rows[0]!.ctx.spec).not.toBe(sheetSpec('cdnr'));
    expectSame(plain, landed);
  });

  it('send the cells of a row that are not all text as they are', () => {
    const packer = new RowPacker();
    const spec = sheetSpec('hsnb2b');
    const stats: SheetStats = { file: 'x.xlsx', sheet: 'hsn(b2b)', sheetId: 'hsnb2b', read: 1, rejected: 0, skipped: 0 };
    packer.stats.push(stats);
    const ctx: SheetContext = { file: 'x.xlsx', sheet: 'hsn(b2b)', spec, columns: { hsn: { col: 1, header: 'HSN' } }, format: 'xlsx', headerRow: 4, stats };
    const values = Object.fromEntries(spec.columns.map((c) => [c.field, c.field === 'hsn' ? '8471' : undefined]));
    const cells = ['8471', 12.5, new Date(Date.UTC(2025, 9, 1)), { error: '#N/A' }, null, true];
    const batch = structuredClone(packer.pack([{ ctx, row: 5, values, cells }]));
    const landing = new RowLanding(new FindingList(), []);
    const [row] = landing.land(batch);
    expect(row!.cells).toEqual(cells);
    expect(row!.values).toEqual(values);
    expect(row!.ctx.stats).toMatchObject({ file: 'x.xlsx', read: 1 });
  });
});
