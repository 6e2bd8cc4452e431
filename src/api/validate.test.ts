import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFiles } from './validate.js';

const dir = mkdtempSync(join(tmpdir(), 'gstr1-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const line = (num: string, pos: string, rate: number) => `27YLDFB7541I1Z4,Coastal Industries LLP,${num},19-Oct-2025,5463.85,${pos},N,,Regular B2B,,${rate},4630.38,0.00`;

describe('validate: findings listed sheet by sheet and row by row', () => {
  it('a rule\'s finding on line 2 comes before the reader\'s on line 3, though the reader made its own first', async () => {
    const b2b = join(dir, 'b2b.csv');
    // line 2: a rate off the list (a row rule); line 3: no place of supply (the reader's CELL_REQUIRED)
    writeFileSync(b2b, [HEADER, line('TI/1', '27-Maharashtra', 17), line('TI/2', '', 18), line('TI/3', '27-Maharashtra', 18)].join('\n'));
    const { result } = await validateFiles([b2b], { gstin: '27AAACR5055K1Z7', period: '102025', today: '2025-11-20' });
    const located = result.findings.items.filter((x) => x.row !== undefined).map((x) => `${x.row} ${x.code}`);
    expect(located.slice(0, 2)).toEqual(['2 RET191175', '3 CELL_REQUIRED']);
    const rows = located.map((x) => Number(x.split(' ')[0]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});
