/**
 * A summary entry a JSON gives twice under one key (two Table 15 b2c records of one supplier,
 * place of supply and rate; two b2cs records of one place of supply and rate...): the workbook
 * reads the rows of one key as one entry and adds them up, so JSON → to-excel → convert gave one
 * record back without a word. It is now JSON_DUPLICATE_ENTRY at the second record's path, from
 * to-excel and from validate; the round trip still adds them up, as the finding says. Table 12's
 * repeat was already the rule RET191117, on the to-excel row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonRoundTrip } from './helpers/json-round-trip.js';
import { toExcel } from '../src/api/to-excel.js';
import { validateFiles } from '../src/api/validate.js';

const root = mkdtempSync(join(tmpdir(), 'gstr1-dup-entries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OPERATOR = '27AAKCS4821M1ZW';
const STIN = '29AAQFK3318N1ZO';

const TWICE = {
  gstin: OPERATOR,
  fp: '102025',
  ecom: {
    b2c: [
      { stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 1000, camt: 25, samt: 25, csamt: 0 },
      { stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 400, camt: 10, samt: 10, csamt: 0 },
    ],
  },
};

function write(body: object, name: string): string {
  const file = join(root, `${name}.json`);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

type F = { code: string; severity: string; sheet?: string; row?: number; column?: string; params?: Record<string, unknown> };
const duplicates = (items: readonly F[]) => items.filter((f) => f.code === 'JSON_DUPLICATE_ENTRY').map((f) => [f.severity, f.params?.path, f.params?.first]);

describe('a summary entry given twice in a JSON', () => {
  it('to-excel reports it at the second record; convert then adds the two up, as the finding says', async () => {
    const file = write(TWICE, 'twice');
    const { findings } = await toExcel([file], { out: join(root, 'twice-check.xlsx') });
    expect(duplicates(findings as readonly F[])).toEqual([['error', 'ecom.b2c[1]', 'ecom.b2c[0]']]);

    const { again } = await jsonRoundTrip(root, TWICE, 'twice-round');
    expect(JSON.parse(again).ecom.b2c).toEqual([{ stin: STIN, pos: '29', sply_ty: 'INTRA', rt: 5, txval: 1400, camt: 35, samt: 35, csamt: 0 }]);
  });

  it('validate reports it too, and b2cs the same way', async () => {
    const b2cs = { sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 };
    const file = write({ ...TWICE, b2cs: [b2cs, { ...b2cs, txval: 500, camt: 45, samt: 45 }] }, 'twice-validate');
    const { result } = await validateFiles([file], { gstin: OPERATOR, period: '102025', today: '2025-11-05' });
    expect(duplicates(result.findings.items as readonly F[])).toEqual([
      ['error', 'ecom.b2c[1]', 'ecom.b2c[0]'],
      ['error', 'b2cs[1]', 'b2cs[0]'],
    ]);
  });

  it('what is reported is what the round trip merges: one entry fewer in each list, and none where nothing is reported', async () => {
    const adv = (rt: number) => ({ pos: '29', sply_ty: 'INTER', itms: [{ rt, ad_amt: 1000, iamt: rt * 10, csamt: 0 }] });
    const nil = { sply_ty: 'INTRAB2C', nil_amt: 100, expt_amt: 0, ngsup_amt: 0 };
    const eco = { etin: '27AAKCS4821M1C1', suppval: 100, igst: 0, cgst: 9, sgst: 9, cess: 0 };
    const urp = { pos: '07', sply_ty: 'INTER', rt: 18, txval: 100, iamt: 18, csamt: 0 };
    const urpa = { pos: '07', omon: '092025', sply_ty: 'INTER', itms: [{ rt: 5, txval: 2000, iamt: 100, csamt: 0 }] };
    const body = {
      gstin: OPERATOR, fp: '102025',
      at: [adv(18), adv(5), { ...adv(18), pos: '07' }],
      nil: { inv: [nil, { ...nil, sply_ty: 'INTRB2C' }, nil] },
      supeco: { paytx: [eco, eco] },
      ecom: { urp2c: [urp, { ...urp, rt: 5, iamt: 5 }, urp] },
      ecoma: { urp2ca: [urpa, urpa] },
    };
    const file = write(body, 'each');
    const { findings } = await toExcel([file], { out: join(root, 'each-check.xlsx') });
    expect(duplicates(findings as readonly F[]).map((d) => d[1])).toEqual(['at[1]', 'nil.inv[2]', 'supeco.paytx[1]', 'ecom.urp2c[2]', 'ecoma.urp2ca[1]']);
    const back = JSON.parse((await jsonRoundTrip(root, body, 'each-round')).again);
    expect([back.at.length, back.nil.inv.length, back.supeco.paytx.length, back.ecom.urp2c.length, back.ecoma.urp2ca.length]).toEqual([2, 2, 1, 2, 1]);
    expect(back.at[0].itms.map((i: { rt: number }) => i.rt)).toEqual([18, 5]);
  });

  it('HSN: a repeated HSN + UQC + rate was already RET191117, at its to-excel row', async () => {
    const item = (num: number) => ({ num, hsn_sc: '8471', desc: 'COMPUTERS', uqc: 'NOS', qty: 1, rt: 18, txval: 1000, iamt: 180, camt: 0, samt: 0, csamt: 0 });
    const file = write({ gstin: OPERATOR, fp: '102025', hsn: { hsn_b2c: [item(1), item(2)] } }, 'hsn-twice');
    const { result } = await validateFiles([file], { gstin: OPERATOR, period: '102025', today: '2025-11-05' });
    const items = result.findings.items as readonly F[];
    expect(items.filter((f) => f.code === 'RET191117').map((f) => [f.severity, f.sheet, f.row, f.column])).toEqual([['error', 'hsn(b2c)', 6, 'HSN']]);
    expect(duplicates(items)).toEqual([]);
  });
});
