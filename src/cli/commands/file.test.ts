/**
 * gstr1 file when the portal's summary holds a figure that is not a plain number ("1,000.00"):
 * the mismatch table shows it as given and the command exits 1, not filed (never an internal error).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startEmulator } from '../../upload/emulator/index.js';
import type { SectionTotal } from '../../upload/totals.js';
import type { SummarySection } from '../../upload/types.js';
import { totalsTable } from './file.js';
import { cli } from '../../../test/helpers/cli.js';
import { stubEmulatorCredentials } from '../../../test/helpers/portal-cli.js';

const SAMPLE = join(import.meta.dirname, '../../../templates/sample/gstr1-sample.xlsx');

/** An emulator, a temporary folder and the emulator's credentials for one test, all undone when it ends. */
async function emulatorForTest(): Promise<{ emu: Awaited<ReturnType<typeof startEmulator>>; dir: string }> {
  const emu = await startEmulator({});
  const dir = mkdtempSync(join(tmpdir(), 'gstr1-file-'));
  onTestFinished(async () => {
    vi.unstubAllEnvs();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });
  stubEmulatorCredentials(join(dir, 'home'));
  return { emu, dir };
}

describe('gstr1 file: a portal total that is not a plain number', () => {
  it('the totals table shows it as the portal gave it; numbers as rupees, nothing reported as 0.00', () => {
    const portal = [{ sec_nm: 'B2B', ttl_rec: 1, ttl_tax: '1,000.00', ttl_igst: 180, ttl_cgst: '0.5', ttl_sgst: null, ttl_cess: true }] as unknown as SummarySection[];
    const saved: SectionTotal[] = [{ sec_nm: 'B2B', ttl_rec: 1, ttl_val: 1180, ttl_tax: 1000, ttl_igst: 180, ttl_cgst: 0, ttl_sgst: 0, ttl_cess: 0 }];
    const lines = totalsTable({ portal, saved }).split('\n').map((l) => l.trim().split(/\s{2,}/));
    expect(lines[0]).toEqual(['Table', 'source', 'Records', 'Taxable value', 'IGST', 'CGST', 'SGST', 'Cess']);
    expect(lines[1]).toEqual(['B2B', 'portal', '1', '"1,000.00"', '180.00', '0.50', '0.00', 'true']);
    expect(lines[2]).toEqual(['uploaded', '1', '1000.00', '180.00', '0.00', '0.00', '0.00']);
  });

  it('through the command: the mismatch is printed and it exits 1, nothing filed', async () => {
    const { emu, dir } = await emulatorForTest();
    const [GSTIN, PERIOD] = ['27AAACR5055K1Z7', '092025'];
    const b2b = join(dir, 'b2b.csv');
    writeFileSync(b2b, 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount\n'
      + '29AAACR5055K1Z3,Kaveri,INV/1,05-Sep-2025,1180,29-Karnataka,N,,Regular B2B,,18,1000,\n');
    const id = ['--gstin', GSTIN, '--period', PERIOD, '--provider', 'whitebooks', '--base-url', emu.url, '--poll-ms', '1'];
    expect((await cli('upload', b2b, ...id)).code).toBe(0);
    // the portal (or something between) writes the taxable total with grouping commas
    const summary = emu.emulator.portal.summary.bind(emu.emulator.portal);
    vi.spyOn(emu.emulator.portal, 'summary').mockImplementation((...a) => {
      const r = summary(...a);
      if (r.ok) for (const s of r.value.sec_sum as Record<string, unknown>[]) if (s.sec_nm === 'B2B') Object.assign(s, { ttl_tax: '1,000.00', ttl_igst: 1e21 });
      return r;
    });
    const filed = await cli('file', ...id, '--pan', 'AAACR5055K', '--yes');
    expect(filed.stderr).not.toMatch(/internal error/);
    expect(filed.code).toBe(1);
    expect(filed.stdout).toMatch(/B2B +portal +1 +"1,000.00" +1e\+21 /);
    expect(filed.stdout).toContain('B2B ttl_tax: portal "1,000.00" (not a number), uploaded 1000.00');
    // a number too large to be an amount in paise is still a number the portal gave: shown as such
    expect(filed.stdout).toContain('B2B ttl_igst: portal 1e+21, uploaded 180.00');
    expect(filed.stdout).toContain('Not filed');
    expect(emu.emulator.portal.state(GSTIN, PERIOD).filed).toBeFalsy();
  });
});

describe("gstr1 file: the totals shown before filing hold every figure compared", () => {
  it("Table 8 (nil rated, exempted, non-GST) and Table 13 (total, cancelled, net issued) in the portal's terms", async () => {
    const { emu, dir } = await emulatorForTest();
    const id = ['--gstin', '27AAKCS4821M1ZW', '--period', '102025', '--provider', 'whitebooks', '--base-url', emu.url, '--poll-ms', '1'];
    expect((await cli('upload', SAMPLE, ...id)).code).toBe(0);
    const filed = await cli('file', ...id, '--pan', 'AAKCS4821M', '--yes');
    expect(filed.code, filed.stderr).toBe(0);
    const lines = filed.stdout.split('\n').map((l) => l.trim().split(/\s{2,}/));
    const after = (title: string) => lines.slice(lines.findIndex((l) => l[0] === title));
    expect(after('Table 8').slice(0, 3)).toEqual([
      ['Table 8', 'source', 'Records', 'Nil rated', 'Exempted', 'Non-GST'],
      ['NIL', 'portal', '4', '566500.00', '38000.00', '0.00'],
      ['uploaded', '4', '566500.00', '38000.00', '0.00'],
    ]);
    const docs = after('Table 13');
    expect(docs[0]).toEqual(['Table 13', 'source', 'Records', 'Total', 'Cancelled', 'Net issued']);
    expect(docs[1]!.slice(0, 2)).toEqual(['DOC_ISSUE', 'portal']);
    const [issued, cancelled, net] = docs[1]!.slice(3).map(Number);
    expect(cancelled).toBeGreaterThan(0);
    expect(net).toBe(issued! - cancelled!);
    expect(docs[2]).toEqual(['uploaded', ...docs[1]!.slice(2)]);
    expect(filed.stdout).toMatch(/^Filed: ARN /m);
  });
});
