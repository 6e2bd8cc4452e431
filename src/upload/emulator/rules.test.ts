/** the emulator's default validation: the project's rule catalogue on save bodies (issue #4). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFiles } from '../../api/convert.js';
import { toExcel } from '../../api/to-excel.js';
import { gstinCheckChar } from '../../model/gstin.js';
import type { ReturnContext } from '../../model/return.js';
import { ruleContext, RULES } from '../../validators/index.js';
import { keyMatches, matchPortalErrors, parseStatusResponse, rowKey, type PortalError } from '../error-report.js';
import { walkRecords } from '../records.js';
import { Portal } from './portal.js';
import { GENERIC_PORTAL_CODE, PORTAL_CODE, payloadRows, portalCodeOf, projectRules, runRules } from './rules.js';

type Obj = Record<string, any>;

const SAMPLE = fileURLToPath(new URL('../../../templates/sample/gstr1-sample.xlsx', import.meta.url));
const GSTIN = '27AAKCS4821M1ZW';
const FP = '102025';
const CTX: ReturnContext = { gstin: GSTIN, supplierState: '27', period: { month: 10, year: 2025 }, sez: false };

const withCheck = (s: string) => s + gstinCheckChar(s);
const BAD_CTIN = `27AAFCP7263Q1Z${gstinCheckChar('27AAFCP7263Q1Z') === 'X' ? 'Y' : 'X'}`;

const inv = (inum: string, idt: string, txval: number, rt = 18) => ({
  inum, idt, val: txval * (1 + rt / 100), pos: '27', rchrg: 'N', inv_typ: 'R',
  itms: [{ num: 1, itm_det: { rt, txval, camt: (txval * rt) / 200, samt: (txval * rt) / 200, csamt: 0 } }],
});

let dir: string;
let sample: Obj;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gstr1-emu-rules-'));
  const r = await convertFiles([SAMPLE], { gstin: GSTIN, period: FP, out: join(dir, 'sample.json') });
  expect(r.refused).toBe(false);
  expect(r.written).toHaveLength(1);
  sample = JSON.parse(readFileSync(r.written[0]!, 'utf8')) as Obj;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample return plus five planted errors, next to its clean records. */
function planted(): Obj {
  const p = structuredClone(sample);
  // a recipient GSTIN whose check character is wrong (a group of its own)
  p.b2b.push({ ctin: BAD_CTIN, inv: [inv('BAD/1', '10-10-2025', 1000)] });
  // an invoice dated after the period, among clean invoices of the first recipient
  p.b2b[0].inv.push(inv('LATE/1', '05-11-2025', 1000));
  // a b2b invoice number again in b2cl (capitals do not make it another number)
  const dup = (p.b2b[0].inv[0].inum as string).toLowerCase();
  p.b2cl.push({ pos: '29', inv: [{ inum: dup, idt: '20-10-2025', val: 118000, itms: [{ num: 1, itm_det: { rt: 18, txval: 100000, iamt: 18000, csamt: 0 } }] }] });
  // a rate of 17
  p.b2cs.push({ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 17, txval: 1000, camt: 85, samt: 85, csamt: 0 });
  // an HSN row Rs 500 off the tax its taxable value and rate give (more than Rs 10, and more than
  // rounding over the sample's B2B documents explains: issue 16)
  p.hsn.hsn_b2b.push({ num: 99, hsn_sc: '19053100', desc: 'SWEET BISCUITS', user_desc: 'Biscuits', uqc: 'KGS', qty: 10, rt: 18, txval: 10000, iamt: 2300, camt: 0, samt: 0, csamt: 0 });
  return p;
}

const label = (e: PortalError) => `${e.key.section}:${e.key.inum ?? e.key.hsn ?? `rt${e.key.rt}`}:${e.code}`;
const EXPECTED = ['b2b:BAD/1:RET191113', 'b2b:LATE/1:RET191114', 'b2cl:stl/25-26/1204:RET191190', 'b2cs:rt17:RET191175', 'hsn:19053100:RET91708'];

function savedStatus(p: Portal, payload: Obj) {
  const r = p.save(GSTIN, FP, JSON.stringify(payload));
  if (!r.ok) throw new Error(`save refused: ${r.code}`);
  const st = p.status(GSTIN, FP, r.value.referenceId);
  if (!st.ok) throw new Error(`status refused: ${st.code}`);
  return st.value;
}

describe('emulator: project rules', () => {
  it('answers exactly the planted records, with portal codes and the catalogue\'s messages', () => {
    const errors = projectRules()(planted());
    expect(errors.map(label).sort()).toEqual(EXPECTED);
    const by = (code: string) => errors.find((e) => e.code === code)!;
    expect(by('RET191113').key).toMatchObject({ section: 'b2b', ctin: BAD_CTIN, inum: 'BAD/1' });
    expect(by('RET191113').message).toContain('check character');
    expect(by('RET191114').message).toMatch(/05-11-2025 is after the return period/);
    expect(by('RET191175').key).toMatchObject({ section: 'b2cs', pos: '27', rt: 17 });
    expect(by('RET191175').message).toBe('"17" is not a GST rate for this return period');
    expect(by('RET91708').key).toMatchObject({ section: 'hsn', part: 'hsn_b2b', hsn: '19053100', uqc: 'KGS', rt: 18 });
    expect(by('RET191190').message).toMatch(/^Number stl\/25-26\/1204 is already used in b2b,sez,de/);
  });

  it('answers only the codes asked for: one rule\'s verdict, not the mappers\' beside it', () => {
    expect(projectRules({ only: ['RET91708'] })(planted()).map(label)).toEqual(['hsn:19053100:RET91708']);
    expect(projectRules({ only: ['RET191175'] })(planted()).map(label)).toEqual(['b2cs:rt17:RET191175']);
  });

  it('leaves warnings and several findings on one record out: one error per record', () => {
    const src = payloadRows(planted(), CTX);
    const result = runRules(src, CTX, ruleContext(CTX), RULES);
    const codes = result.findings.items.map((f) => `${f.severity}:${f.code}`);
    // HSN totals no longer agree with the documents (warnings); rate 17 is reported once, by the
    // rate rule (the schema check leaves list values to the row rules)
    expect(codes).toContain('warning:HSN_TOTALS');
    expect(codes.filter((c) => c === 'error:RET191106')).toHaveLength(0);
    expect(codes).toContain('error:RET191175');
    const errors = projectRules()(planted());
    expect(errors).toHaveLength(5);
    expect(errors.find((e) => e.key.section === 'b2cs')?.code).toBe('RET191175');
  });

  it('is the emulator\'s default: PE with b2b/b2cl errors on the group, b2cs on the row, hsn as a list', () => {
    const p = new Portal({ ipPolls: 0 });
    const st = savedStatus(p, planted());
    expect(st.status_cd).toBe('PE');
    const report = st.error_report as Obj;
    expect(Object.keys(report).sort()).toEqual(['b2b', 'b2cl', 'b2cs', 'hsn']);
    expect(report.b2b).toHaveLength(2);
    const late = report.b2b.find((g: Obj) => g.error_cd === 'RET191114');
    expect(late).toMatchObject({ ctin: sample.b2b[0].ctin, error_msg: expect.stringContaining('after the return period') });
    expect(late.inv.map((i: Obj) => i.inum)).toEqual(['LATE/1']); // the clean invoices of the recipient were saved
    expect(report.b2b.find((g: Obj) => g.error_cd === 'RET191113')).toMatchObject({ ctin: BAD_CTIN, inv: [{ inum: 'BAD/1' }] });
    expect(report.b2cl).toEqual([expect.objectContaining({ pos: '29', error_cd: 'RET191190', inv: [expect.objectContaining({ inum: 'stl/25-26/1204' })] })]);
    expect(report.b2cs).toEqual([expect.objectContaining({ pos: '27', rt: 17, error_cd: 'RET191175' })]);
    expect(report.hsn).toEqual([expect.objectContaining({ error_cd: 'RET91708', hsn_b2b: [expect.objectContaining({ hsn_sc: '19053100', rt: 18 })] })]);
    // read back as a client reads it, the same five errors
    expect(parseStatusResponse(st).errors.map(label).sort()).toEqual(EXPECTED);
    // every clean record is stored, the planted ones are not
    const clean = new Set([...walkRecords(sample)].map((e) => e.id));
    const state = p.state(GSTIN, FP);
    expect(state.docs.size).toBe(clean.size);
    expect([...state.docs.keys()].every((id) => clean.has(id))).toBe(true);
  });

  it('saves the converted sample return as P', () => {
    const p = new Portal({ ipPolls: 0 });
    expect(projectRules()(sample)).toEqual([]);
    expect(savedStatus(p, sample)).toEqual({ form_typ: 'R1', action: 'SAVE', status_cd: 'P' });
    expect(p.state(GSTIN, FP).docs.size).toBe(new Set([...walkRecords(sample)].map((e) => e.id)).size);
  });

  it('keys each synthetic row as the portal\'s error report keys its record, and the errors land on the right rows', async () => {
    const payload = planted();
    const src = payloadRows(payload, CTX);
    expect(src.unreadable).toEqual([]);
    for (const row of src.rows) {
      const record = src.recordOf.get(`${row.ctx.sheet}\u0000${row.row}`)!;
      const rk = rowKey(row.ctx.spec.id, row.values);
      expect(rk && keyMatches(record.key, rk), `${row.ctx.sheet} row ${row.row}`).toBe(true);
    }
    // the same payload as a workbook: every error of the emulator finds exactly its row
    const json = join(dir, 'planted.json');
    writeFileSync(json, JSON.stringify(payload));
    const book = (await toExcel([json], { out: join(dir, 'planted.xlsx') })).file;
    const found = await matchPortalErrors([book], {}, projectRules()(payload));
    expect(found.filter((f) => f.unmatched)).toEqual([]);
    expect(found.map((f) => `${f.sheet}:${f.code}:${f.column}`).sort()).toEqual([
      'b2b,sez,de:RET191113:GSTIN/UIN of Recipient',
      'b2b,sez,de:RET191114:Invoice date',
      'b2cl:RET191190:Invoice Number',
      'b2cs:RET191175:Rate',
      'hsn(b2b):RET91708:Integrated Tax Amount',
    ]);
  });

  it('answers the project\'s own codes with portal codes: schema-type problems with RET191106', () => {
    const p = structuredClone(sample);
    p.b2b[0].inv[0].inum = 'INV 1'; // DOCNUM_FORMAT: a space
    p.b2b[1].inv[0].rchrg = 'X'; // no row rule; the retsave schema finds it at its JSON path
    p.b2cs[0].typ = 'E'; // B2CS_TYPE_E
    const errors = projectRules()(p);
    expect(errors.map((e) => `${e.key.section}:${e.key.inum ?? e.key.rt}:${e.code}`).sort()).toEqual([
      'b2b:INV 1:RET191106',
      `b2b:${sample.b2b[1].inv[0].inum}:RET191106`,
      'b2cs:18:RET191152',
    ]);
    expect(errors.find((e) => e.key.inum === 'INV 1')!.message).toBe('"INV 1" may contain only letters, digits, "-" and "/"');
    expect(errors.find((e) => e.code === 'RET191152')!.message).toMatch(/Type E/);
    // a finding about a whole sheet (the single hsn list after April 2025) is on each of its records
    const q = structuredClone(sample);
    q.hsn = { data: q.hsn.hsn_b2b.slice(0, 2) };
    const hsn = projectRules()(q);
    expect(hsn.map((e) => `${e.key.part}:${e.key.hsn}:${e.code}`)).toEqual(q.hsn.data.map((r: Obj) => `data:${r.hsn_sc}:RET191106`));
    expect(hsn[0]!.message).toMatch(/hsn\(b2b\) and hsn\(b2c\)/);
  });

  it('maps every error code of the catalogue deliberately', () => {
    for (const rule of RULES) {
      if (rule.severity !== 'error') continue;
      expect(/^RET\d+$/.test(rule.code) || rule.code in PORTAL_CODE, rule.code).toBe(true);
    }
    expect(Object.values(PORTAL_CODE).every((c) => /^RET\d+$/.test(c))).toBe(true);
    expect(portalCodeOf('RET191113')).toBe('RET191113');
    expect(portalCodeOf('SOMETHING_NEW')).toBe(GENERIC_PORTAL_CODE);
  });

  it('takes today from the emulator\'s clock, and an injected hook still replaces the rules', () => {
    const p = structuredClone(sample);
    const exp = p.exp[0].inv[0];
    exp.sbdt = '31-10-2025';
    // a shipping bill dated after "today"
    const early = projectRules({ now: () => Date.UTC(2025, 9, 20) })(p);
    expect(early.map((e) => `${e.key.section}:${e.key.inum}:${e.code}`)).toEqual([`exp:${exp.inum}:RET191176`]);
    expect(projectRules({ now: () => Date.UTC(2025, 10, 5) })(p)).toEqual([]);
    const portal = new Portal({ ipPolls: 0, validatePayload: () => [] });
    expect(savedStatus(portal, planted()).status_cd).toBe('P');
  });
});
