/**
 * Table 15/15A through the emulator: planted errors come back in the error report's Table 15
 * shapes (on the group for b2b/urp2b/b2ca, on the record for b2c/urp2c/urp2ca) and land on
 * their rows of the workbook to-excel makes of the same payload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../../api/convert.js';
import { toExcel } from '../../api/to-excel.js';
import { matchPortalErrors, parseStatusResponse } from '../error-report.js';
import { walkRecords } from '../records.js';
import { Portal } from './portal.js';
import { projectRules } from './rules.js';

type Obj = Record<string, any>;

const SAMPLE = fileURLToPath(new URL('../../../templates/sample/gstr1-sample.xlsx', import.meta.url));
const GSTIN = '27AAKCS4821M1ZW';
const FP = '102025';

let dir: string;
let sample: Obj;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-emu-t15-'));
  const r = await convertFiles([SAMPLE], { gstin: GSTIN, period: FP, out: join(dir, 'sample.json') });
  sample = JSON.parse(readFileSync(r.written[0]!, 'utf8')) as Obj;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const item = (txval: number, rt = 5) => ({ num: 1, itm_det: { rt, txval, camt: (txval * rt) / 200, samt: (txval * rt) / 200, csamt: 0 } });

/** The sample with one bad record in each kind of Table 15/15A part. */
function planted(): Obj {
  const p = structuredClone(sample);
  const cafe = p.ecom.b2b[0].stin as string;
  // a supplier GSTIN with a wrong check character (a group of its own)
  p.ecom.b2b.push({ stin: `${cafe.slice(0, 14)}${cafe[14] === 'X' ? 'Y' : 'X'}`, rtin: p.ecom.b2b[0].rtin, inv: [{ inum: 'KC/120', idt: '10-10-2025', val: 1050, pos: '27', inv_typ: 'R', sply_ty: 'INTRA', itms: [item(1000)] }] });
  // a document dated after the period, next to the clean one of the same recipient
  p.ecom.urp2b[0].inv.push({ inum: 'HS/60', idt: '02-11-2025', val: 1050, pos: '07', inv_typ: 'R', sply_ty: 'INTER', itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, iamt: 50, csamt: 0 } }] });
  // a rate of 17
  p.ecom.b2c.push({ stin: cafe, pos: '29', sply_ty: 'INTER', rt: 17, txval: 1000, iamt: 170, csamt: 0 });
  // an amendment of this very month
  p.ecoma.urp2ca.push({ pos: '27', omon: '102025', sply_ty: 'INTRA', itms: [{ rt: 5, txval: 100, camt: 2.5, samt: 2.5, csamt: 0 }] });
  return p;
}

describe('emulator: Table 15 and 15A', () => {
  it('saves the clean sample\'s Table 15/15A records and answers the planted ones in the portal\'s shapes', () => {
    const portal = new Portal({ ipPolls: 0 });
    const saved = portal.save(GSTIN, FP, JSON.stringify(planted()));
    if (!saved.ok) throw new Error(saved.code);
    const st = portal.status(GSTIN, FP, saved.value.referenceId);
    if (!st.ok) throw new Error(st.code);
    expect(st.value.status_cd).toBe('PE');
    const report = st.value.error_report as Obj;
    expect(Object.keys(report).sort()).toEqual(['ecom', 'ecoma']);
    expect(report.ecom.b2b).toEqual([expect.objectContaining({ error_cd: 'RET191106', inv: [expect.objectContaining({ inum: 'KC/120' })] })]);
    expect(report.ecom.urp2b).toEqual([expect.objectContaining({ rtin: sample.ecom.urp2b[0].rtin, error_cd: 'RET191114', inv: [expect.objectContaining({ inum: 'HS/60' })] })]);
    expect(report.ecom.b2c).toEqual([expect.objectContaining({ pos: '29', rt: 17, error_cd: 'RET191175' })]);
    expect(report.ecoma.urp2ca).toEqual([expect.objectContaining({ omon: '102025', error_cd: 'RET191198' })]);
    const errors = parseStatusResponse(st.value).errors;
    expect(errors.map((e) => `${e.key.part}:${e.code}`).sort()).toEqual(['b2b:RET191106', 'b2c:RET191175', 'urp2b:RET191114', 'urp2ca:RET191198']);
    // every clean record is stored, the planted ones are not
    const clean = new Set([...walkRecords(sample)].map((e) => e.id));
    expect([...portal.state(GSTIN, FP).docs.keys()].sort()).toEqual([...clean].sort());
  });

  it('writes the errors back onto the Table 15 rows of the workbook', async () => {
    const payload = planted();
    const json = join(dir, 'planted.json');
    writeFileSync(json, JSON.stringify(payload));
    const book = (await toExcel([json], { out: join(dir, 'planted.xlsx') })).file;
    const found = await matchPortalErrors([book], {}, projectRules()(payload));
    expect(found.filter((f) => f.unmatched)).toEqual([]);
    expect(found.map((f) => `${f.sheet}:${f.row}:${f.code}:${f.column}`).sort()).toEqual([
      'ecoaurp2c:6:RET191198:Original Month',
      // RET191106 does not say which value it refuses: the whole row is marked
      'ecob2b:6:RET191106:undefined',
      'ecob2c:6:RET191175:Rate',
      'ecourp2b:6:RET191114:Document Date',
    ]);
  });
});
