/** Parsed rows: every field of the sheet present, in column order, whatever the row left blank. */
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeText } from '../../test/helpers/files.js';
import { FindingList } from '../model/finding.js';
import { sheetSpec } from '../model/sheets.js';
import { LEGACY_LAYOUTS } from './legacy.js';
import { readRows, type ParsedRow } from './rows.js';

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
