import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const order: string[] = [];
vi.mock('./collect-garbage.js', () => ({ collectGarbage: () => order.push('collect') }));
vi.mock('../report/annotate/index.js', async (load) => {
  const real = await load<typeof import('../report/annotate/index.js')>();
  return { ...real, annotateFiles: (...a: Parameters<typeof real.annotateFiles>) => (order.push('annotate'), real.annotateFiles(...a)) };
});
const { validateFiles } = await import('./validate.js');

const dir = mkdtempSync(join(tmpdir(), 'gstr1-collects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount\n' +
  '27YLDFB7541I1Z4,Coastal Industries LLP,TI/1,19-Oct-2025,5463.85,27-Maharashtra,N,,Regular B2B,,18,4630.38,0.00\n';

describe('validate with --annotate', () => {
  it('asks for a full garbage collection once the checks are done and before the copy, and not without a copy', async () => {
    const b2b = join(dir, 'b2b.csv');
    writeFileSync(b2b, CSV);
    const ctx = { gstin: '27AAACR5055K1Z7', period: '102025', today: '2025-11-20' };
    await validateFiles([b2b], ctx);
    expect(order).toEqual([]);
    const out = join(dir, 'annotated.xlsx');
    await validateFiles([b2b], { ...ctx, annotate: out });
    expect(order).toEqual(['collect', 'annotate']);
    expect(existsSync(out)).toBe(true);
  });
});
