import { describe, expect, it } from 'vitest';
import { RATE_LIST } from '../model/dated-rules.js';
import { FOREIGN_COUNTRY, STATES, UQCS } from '../model/labels.js';
import { SECTION_KEYS } from '../model/sheets.js';
import { assemblePayload } from '../mappers/payload.js';
import { retsaveSchema, schemaIssues, validatePayload } from './schema.js';

const wrapped = (det: Record<string, number>) => [{ num: 1, itm_det: det }];

/** One record of every section, shaped as spec §1 describes. */
const payload = {
  gstin: '27AAACR5055K1Z7',
  fp: '052025',
  b2b: [{ ctin: '29AAACR5055K1Z3', inv: [{ inum: 'INV/1', idt: '05-05-2025', val: 11800, pos: '29', rchrg: 'N', inv_typ: 'R', itms: wrapped({ rt: 18, txval: 10000, iamt: 1800, csamt: 0 }) }] }],
  b2ba: [{ ctin: '29AAACR5055K1Z3', inv: [{ oinum: 'INV/0', oidt: '05-04-2025', inum: 'INV/0R', idt: '06-04-2025', val: 1050, pos: '27', rchrg: 'N', inv_typ: 'R', diff_percent: 0.65, itms: wrapped({ rt: 5, txval: 1000, camt: 16.25, samt: 16.25, csamt: 0 }) }] }],
  b2cl: [{ pos: '29', inv: [{ inum: 'B/1', idt: '05-05-2025', val: 236000, itms: wrapped({ rt: 18, txval: 200000, iamt: 36000, csamt: 0 }) }] }],
  b2cla: [{ pos: '29', inv: [{ oinum: 'B/0', oidt: '05-04-2025', inum: 'B/0R', idt: '05-04-2025', val: 236000, itms: wrapped({ rt: 18, txval: 200000, iamt: 36000 }) }] }],
  b2cs: [{ sply_ty: 'INTRA', pos: '27', typ: 'OE', rt: 18, txval: -500, camt: -45, samt: -45, csamt: 0 }],
  b2csa: [{ omon: '042025', sply_ty: 'INTER', typ: 'OE', pos: '29', itms: [{ rt: 18, txval: 100, iamt: 18, csamt: 0 }] }],
  cdnr: [{ ctin: '29AAACR5055K1Z3', nt: [{ ntty: 'C', nt_num: 'CN/1', nt_dt: '10-05-2025', val: 1180, pos: '29', rchrg: 'N', inv_typ: 'R', itms: wrapped({ rt: 18, txval: 1000, iamt: 180, csamt: 0 }) }] }],
  cdnra: [{ ctin: '29AAACR5055K1Z3', nt: [{ ont_num: 'CN/0', ont_dt: '10-04-2025', ntty: 'D', nt_num: 'DN/1', nt_dt: '10-04-2025', val: 118, pos: '29', rchrg: 'N', inv_typ: 'SEWP', itms: wrapped({ rt: 18, txval: 100, iamt: 18 }) }] }],
  cdnur: [
    { typ: 'B2CL', ntty: 'C', nt_num: 'CN/2', nt_dt: '10-05-2025', val: 1180, pos: '29', itms: wrapped({ rt: 18, txval: 1000, iamt: 180, csamt: 0 }) },
    { typ: 'EXPWOP', ntty: 'C', nt_num: 'CN/3', nt_dt: '10-05-2025', val: 1000, itms: wrapped({ rt: 0, txval: 1000, iamt: 0, csamt: 0 }) },
  ],
  cdnura: [{ typ: 'EXPWP', ont_num: 'CN/4', ont_dt: '10-04-2025', ntty: 'C', nt_num: 'CN/4R', nt_dt: '10-04-2025', val: 118, itms: wrapped({ rt: 18, txval: 100, iamt: 18 }) }],
  exp: [{ exp_typ: 'WPAY', inv: [{ inum: 'EX/1', idt: '05-05-2025', val: 105000, sbpcode: 'INNSA1', sbnum: '1234567', sbdt: '08-05-2025', itms: [{ txval: 100000, rt: 5, iamt: 5000, csamt: 0 }] }] }],
  expa: [{ exp_typ: 'WOPAY', inv: [{ oinum: 'EX/0', oidt: '05-04-2025', inum: 'EX/0R', idt: '05-04-2025', val: 100000, itms: [{ txval: 100000, rt: 18, iamt: 0, csamt: 0 }] }] }],
  at: [{ pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amt: 10000, camt: 900, samt: 900, csamt: 0 }] }],
  ata: [{ omon: '042025', pos: '29', sply_ty: 'INTER', itms: [{ rt: 18, ad_amt: 10000, iamt: 1800, csamt: 0 }] }],
  txpd: [{ pos: '29', sply_ty: 'INTER', itms: [{ rt: 18, ad_amt: 5000, iamt: 900, csamt: 0 }] }],
  txpda: [{ omon: '042025', pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amt: 5000, camt: 450, samt: 450 }] }],
  nil: { inv: [{ sply_ty: 'INTRB2B', nil_amt: 100, expt_amt: 0, ngsup_amt: 0 }, { sply_ty: 'INTRAB2C', nil_amt: 0, expt_amt: 50, ngsup_amt: 0 }] },
  hsn: {
    hsn_b2b: [{ num: 1, hsn_sc: '8471', desc: 'COMPUTERS', uqc: 'NOS', qty: 2, rt: 18, txval: 10000, iamt: 1800, camt: 0, samt: 0, csamt: 0 }],
    hsn_b2c: [{ num: 1, hsn_sc: '998314', desc: 'IT SERVICES', user_desc: 'support', uqc: 'NA', qty: 0, rt: 18, txval: 1000, iamt: 0, camt: 90, samt: 90, csamt: 0 }],
  },
  doc_issue: { doc_det: [{ doc_num: 1, doc_typ: 'Invoices for outward supply', docs: [{ num: 1, from: 'INV/1', to: 'INV/9', totnum: 9, cancel: 1, net_issue: 8 }] }] },
  supeco: { clttx: [{ etin: '27AAACR5055K1CI', suppval: 10000, igst: 1800, cgst: 0, sgst: 0, cess: 0 }] },
  supecoa: { paytxa: [{ omon: '042025', oetin: '27AAACR5055K1CI', etin: '29AABCU9603R1CU', suppval: -100, igst: -18, cgst: 0, sgst: 0, cess: 0 }] },
};

describe('schema/retsave.json', () => {
  it('accepts one record of every section', () => {
    expect(schemaIssues('', payload)).toEqual([]);
  });

  it('validates an assembled payload as a whole', () => {
    const outputs = new Map([
      ['b2b', { kind: 'array', items: payload.b2b }],
      ['hsn', { kind: 'object', parts: payload.hsn }],
    ] as const);
    const assembled = assemblePayload(outputs as never, { gstin: payload.gstin, fp: payload.fp });
    expect(validatePayload(assembled)).toEqual([]);
    expect(validatePayload({ ...assembled, fp: '2025-05' }).map((i) => i.path)).toEqual(['/fp']);
  });

  it('names every section key and nothing unknown at the top', () => {
    const props = Object.keys(retsaveSchema().properties);
    for (const k of SECTION_KEYS) expect(props).toContain(k);
    expect(schemaIssues('', { ...payload, b2bx: [] }).map((i) => i.detail)).toEqual(['must NOT have additional properties (b2bx)']);
  });

  it('lists the same states, UQCs and rates as the model', () => {
    const defs = (retsaveSchema() as unknown as { definitions: Record<string, { enum?: unknown[] }> }).definitions;
    expect(defs.pos!.enum).toEqual([...STATES.map((s) => s.code), FOREIGN_COUNTRY.code]);
    expect(defs.rate!.enum).toEqual([...new Set(RATE_LIST.map((r) => r.value))]);
    const hsnItem = defs.hsnItem as unknown as { properties: { uqc: { enum: string[] } } };
    expect(hsnItem.properties.uqc.enum).toEqual(UQCS.map((u) => u.code));
  });

  it('catches the traps of spec §6', () => {
    const issues = (p: unknown) => schemaIssues('', p).map((i) => `${i.path} ${i.detail}`);
    expect(issues({ ...payload, b2b: [{ ...payload.b2b[0], inv: [{ ...payload.b2b[0]!.inv[0], inv_typ: 'SEZWP', pos: '6', diff_percent: 65 }] }] })).toEqual([
      '/b2b/0/inv/0/pos must be equal to one of the allowed values: ' + [...STATES.map((s) => s.code), '96'].join(', '),
      '/b2b/0/inv/0/inv_typ must be equal to one of the allowed values: R, SEWP, SEWOP, DE, CBW',
      '/b2b/0/inv/0/diff_percent must be equal to constant: 0.65',
    ]);
    expect(issues({ ...payload, at: [{ pos: '27', sply_ty: 'INTRA', itms: [{ rt: 18, ad_amount: 1, camt: 1, samt: 1 }] }] })).toEqual([
      "/at/0/itms/0 must have required property 'ad_amt'",
      '/at/0/itms/0 must NOT have additional properties (ad_amount)',
    ]);
    expect(issues({ ...payload, cdnur: [{ ...payload.cdnur[1], pos: '27' }] })).toEqual([
      '/cdnur/0 an export note (EXPWP/EXPWOP) carries no pos and no diff_percent',
    ]);
    expect(issues({ ...payload, fp: '132025', gstin: '27aaacr5055k1z7' })).toEqual([
      '/gstin must match pattern "^[0-9]{2}[0-9A-Z]{13}$"',
      '/fp must match pattern "^(0[1-9]|1[0-2])20[0-9]{2}$"',
    ]);
  });
});
