/**
 * Issue 11 item 7: messages show values as the user typed them (a blank cell is "blank", not the
 * 100 % it stands for) and dates as dd-mm-yyyy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { returnContext } from '../src/engine/options.js';
import { processReturn } from '../src/api/process.js';
import { messageOf } from '../src/report/messages/index.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-messages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ctx = returnContext({ gstin: '27AAACR5055K1Z7', period: '092025' });

const HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';

async function mismatch(lines: string[]) {
  const file = join(root, 'b2b.csv');
  writeFileSync(file, [HEADER, ...lines].join('\n'));
  const { findings } = await processReturn([file], ctx);
  return findings.items.filter((f) => f.code === 'DOC_FIELD_MISMATCH');
}

describe('DOC_FIELD_MISMATCH quotes the first line as typed', () => {
  it('a blank Applicable % is quoted as blank, not 100', async () => {
    const f = await mismatch([
      '29AAACR5055K1Z3,Kaveri,INV/1,05-09-2025,11800,29-Karnataka,N,,Regular B2B,,18,5000,',
      '29AAACR5055K1Z3,Kaveri,INV/1,05-09-2025,11800,29-Karnataka,N,65,Regular B2B,,18,5000,',
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 3, column: 'Applicable % of Tax Rate', params: { expected: '', firstRow: 2 } });
    expect(messageOf(f[0]!)).toBe('Applicable % of Tax Rate differs from the first line of document INV/1 (row 2: blank)');
  });

  it('a typed 100 is quoted as 100, and blank on a later line agrees with it', async () => {
    const f = await mismatch([
      '29AAACR5055K1Z3,Kaveri,INV/2,05-09-2025,11800,29-Karnataka,N,100,Regular B2B,,18,5000,',
      '29AAACR5055K1Z3,Kaveri,INV/2,05-09-2025,11800,29-Karnataka,N,,Regular B2B,,18,5000,',
      '29AAACR5055K1Z3,Kaveri,INV/2,05-09-2025,11800,29-Karnataka,N,65,Regular B2B,,18,5000,',
    ]);
    expect(f.map((x) => [x.row, x.params?.expected])).toEqual([[4, '100']]);
  });

  it('dates are quoted dd-mm-yyyy', async () => {
    const f = await mismatch([
      '29AAACR5055K1Z3,Kaveri,INV/3,24-09-2025,11800,29-Karnataka,N,,Regular B2B,,18,5000,',
      '29AAACR5055K1Z3,Kaveri,INV/3,25-09-2025,11800,29-Karnataka,N,,Regular B2B,,18,5000,',
    ]);
    expect(messageOf(f[0]!)).toBe('Invoice date differs from the first line of document INV/3 (row 2: "24-09-2025")');
  });
});
