/**
 * The Bar of issue 15: the emulator and the CLI run one pass (src/engine) and so find the same
 * things in the same return. The return is a converted sample with planted errors; the CLI reads
 * it as a workbook (to-excel), the emulator as a save body. Locations differ by construction (the
 * workbook's rows against the save body's records), so findings are compared by what they say:
 * severity, code, sheet, column and parameters other than rows.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../../api/convert.js';
import { toExcel } from '../../api/to-excel.js';
import { validateFiles } from '../../api/validate.js';
import type { Finding } from '../../model/finding.js';
import { gstinCheckChar } from '../../model/gstin.js';
import type { ReturnContext } from '../../model/return.js';
import { ruleContext, RULES } from '../../validators/index.js';
import type { PassRule } from '../../validators/types.js';
import { payloadRows, runRules } from './rules.js';

type Obj = Record<string, any>;

const SAMPLE = fileURLToPath(new URL('../../../templates/sample/gstr1-sample.xlsx', import.meta.url));
const GSTIN = '27AAKCS4821M1ZW';
const FP = '102025';
const CTX: ReturnContext = { gstin: GSTIN, supplierState: '27', period: { month: 10, year: 2025 }, sez: false };
const TODAY = '2025-11-30';

let dir: string;
let payload: Obj;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-one-pass-'));
  const r = await convertFiles([SAMPLE], { gstin: GSTIN, period: FP, out: join(dir, 'sample.json') });
  payload = JSON.parse(readFileSync(r.written[0]!, 'utf8')) as Obj;
  const badCtin = `27AAFCP7263Q1Z${gstinCheckChar('27AAFCP7263Q1Z') === 'X' ? 'Y' : 'X'}`;
  const item = { num: 1, itm_det: { rt: 18, txval: 1000, camt: 90, samt: 90, csamt: 0 } };
  payload.b2b.push({ ctin: badCtin, inv: [{ inum: 'BAD/1', idt: '10-10-2025', val: 1180, pos: '27', rchrg: 'N', inv_typ: 'R', itms: [item] }] });
  payload.b2b[0].inv.push({ inum: 'LATE/1', idt: '05-11-2025', val: 1180, pos: '27', rchrg: 'N', inv_typ: 'R', itms: [item] });
  payload.b2cs.push({ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 17, txval: 1000, camt: 85, samt: 85, csamt: 0 });
  payload.b2cl.push({ pos: '29', inv: [{ inum: String(payload.b2b[0].inv[0].inum).toLowerCase(), idt: '20-10-2025', val: 118000, itms: [{ num: 1, itm_det: { rt: 18, txval: 100000, iamt: 18000, csamt: 0 } }] }] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a finding says, without where it is. */
function said(f: Finding): string {
  const params = Object.entries(f.params ?? {})
    .filter(([k]) => !/row|sheet|file/i.test(k))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  return `${f.severity}:${f.code}:${f.sheet ?? ''}:${f.column ?? ''}:${params}`;
}

describe('emulator: one pass with the CLI', () => {
  it('finds what validate finds in the same return', async () => {
    const json = join(dir, 'planted.json');
    writeFileSync(json, JSON.stringify(payload));
    const book = (await toExcel([json], { out: join(dir, 'planted.xlsx') })).file;
    const cli = (await validateFiles([book], { gstin: GSTIN, period: FP, today: TODAY })).result.findings.items;

    const emulator = runRules(payloadRows(payload, CTX), CTX, ruleContext(CTX, { today: TODAY }), RULES).findings.items;

    const codes = cli.map((f) => f.code);
    for (const c of ['RET191113', 'RET191114', 'RET191175', 'RET191190']) expect(codes).toContain(c);
    expect(emulator.map(said).sort()).toEqual(cli.map(said).sort());
  });

  it('refuses a rule that finishes asynchronously: a save is answered synchronously', () => {
    const slow: PassRule = {
      kind: 'pass', code: 'TEST_SLOW', severity: 'error', sections: ['b2b'], description: 'test', source: 'test',
      check: () => ({ finish: () => Promise.resolve() }),
    };
    expect(() => runRules(payloadRows(payload, CTX), CTX, ruleContext(CTX), [slow])).toThrow(/finishes asynchronously/);
  });
});
