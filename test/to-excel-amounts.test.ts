/**
 * Issue 11 item 5: to-excel carries a JSON's tax amounts as they are (portal downloads and other
 * ERPs' files do not always follow value × rate); convert flags them through the usual rules
 * rather than fixing them out of sight, and JSON → workbook → JSON gives back the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonRoundTrip } from './helpers/json-round-trip.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-to-excel-amounts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SUPPLIER = '27AAACR5055K1Z7';
/** as downloaded: IGST 180.40 on 1000 at 18 %, IGST on an intra-State invoice, a b2cs line 0.49 off */
const DOWNLOADED = {
  gstin: SUPPLIER,
  fp: '092025',
  b2b: [
    { ctin: '29AAACR5055K1Z3', inv: [{ inum: 'D/1', idt: '02-09-2025', val: 1180.4, pos: '29', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180.4, csamt: 0 } }] }] },
    { ctin: '27AAACS1429N1Z6', inv: [{ inum: 'D/2', idt: '03-09-2025', val: 1180, pos: '27', rchrg: 'N', inv_typ: 'R', itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 180, csamt: 0 } }] }] },
  ],
  b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 5, txval: 2000, camt: 50.49, samt: 50.49, csamt: 0 }],
};

const roundTrip = (body: { gstin: string; fp: string }, name: string) => jsonRoundTrip(root, body, name);

describe('to-excel keeps the amounts of the JSON', () => {
  it('IGST 180.4 stays 180.4, IGST on an intra-State invoice stays IGST: the same bytes come back', async () => {
    const { text, again } = await roundTrip(DOWNLOADED, 'downloaded');
    expect(again).toBe(text);
  });

  it('convert flags what does not fit (tax heads against the place of supply), on the workbook row', async () => {
    const { findings } = await roundTrip(DOWNLOADED, 'flagged');
    // the tax rules' findings (this return has no HSN summary: HSN_B2B_EMPTY is not the point here)
    const errors = findings.filter((f) => f.severity === 'error' && f.code.startsWith('RET'));
    expect(errors.map((f) => [f.code, f.sheet, f.row, f.column, f.params?.reason])).toEqual([
      ['RET191150', 'b2b,sez,de', 6, 'Integrated Tax Amount', 'intra'],
    ]);
  });

  it('an amount beyond Rs 10 of value × rate is RET91708', async () => {
    const off = { ...DOWNLOADED, b2b: [DOWNLOADED.b2b[0]] , b2cs: [{ ...DOWNLOADED.b2cs[0], camt: 70, samt: 70 }] };
    const { findings, again, text } = await roundTrip(off, 'off');
    expect(findings.filter((f) => f.severity === 'error' && f.code.startsWith('RET')).map((f) => [f.code, f.sheet, f.row, f.column])).toEqual([
      ['RET91708', 'b2cs', 5, 'Central Tax Amount'],
      ['RET91708', 'b2cs', 5, 'State/UT Tax Amount'],
    ]);
    expect(again).toBe(text);
  });

  it('our own JSON round-trips too (its amounts are value × rate)', async () => {
    const sample = readFileSync('test/fixtures/sample-expected.json', 'utf8');
    const { again } = await roundTrip(JSON.parse(sample), 'ours');
    expect(again).toBe(JSON.stringify(JSON.parse(sample)));
  });
});
