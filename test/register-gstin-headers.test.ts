/**
 * The recipient's GSTIN under the headers ERPs and import formats give it ("GST No", "GST Number",
 * "Cust GST No", "Buyer GST Number"): drafted by `mapping init` and read by the generic layout as
 * the recipient's; bare, they are as ambiguous as "GSTIN" (the filer's own?), so the gstr1 layout
 * leaves them unread, and a filer's own GSTIN read from one is refused at every row (RET191113).
 * A column not read that holds buyers' GSTINs, where no recipient GSTIN column is read, is named
 * in a warning saying the sales were taken as unregistered (QA report item 4).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processWithRegister } from '../src/api/register-pass.js';
import { returnContext } from '../src/engine/options.js';
import { assemblePayload } from '../src/mappers/payload.js';
import { draftMapping, mappingText } from '../src/register/mapping.js';
import { headerCells } from '../src/register/match.js';
import { defaultCheckers } from '../src/validators/index.js';
import { messageOf } from '../src/report/messages/index.js';
import { tempDirs } from './helpers/files.js';
import { registerFiles } from './helpers/register.js';

const OWN = '27AAACR5055K1Z7';
const BUYER = '27AAGCP5678Q1ZE';
const ECO = '27AAACF0001C1CZ'; // a TCS registration (14th character C)
const PERIOD = '092025';
const ctx = returnContext({ gstin: OWN, period: PERIOD });

const files = registerFiles();
const dirs = tempDirs();
afterAll(() => {
  files.cleanup();
  dirs.cleanup();
});

/** The QA report's register (r/custom.csv) with its GSTIN column under `header`. */
const custom = (header: string, gstin = BUYER) => [
  ['Bill No', 'Bill Dt', header, 'Customer', 'State', 'HSN', 'Qty', 'Unit', 'Taxable Amt', 'IGST', 'CGST', 'SGST', 'Cess', 'Bill Total', 'Remarks'],
  ['B-1', '03/09/2025', gstin, 'Pune Electronics', 'Maharashtra', '84713010', '1', 'NOS', '50,000.00', '0', '4,500.00', '4,500.00', '0', '59,000.00', 'ok'],
  ['B-2', '04/09/2025', '', 'Walkin', 'Delhi', '61091000', '2', 'PCS', '1000', '50', '0', '0', '0', '1050', ''],
];

async function convert(rows: string[][], mapping?: object) {
  const file = files.csv(rows);
  let mappingFile: string | undefined;
  if (mapping) {
    mappingFile = join(dirs.dir(), 'register.mapping.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));
  }
  // with the portal's rules, as convert checks
  const { result } = await processWithRegister([file], ctx, { checkers: defaultCheckers(ctx), ...(mappingFile ? { mapping: mappingFile } : {}) });
  return { json: assemblePayload(result.outputs, { gstin: OWN, fp: PERIOD }) as unknown as Record<string, any>, findings: result.findings.items };
}

describe('recipient GSTIN headers: mapping init', () => {
  it.each(['Cust GST No', 'GST Number', 'Buyer GST Number', 'Customer GST Number', 'GST No', 'GSTIN No', 'Party GST No.'])(
    'drafts "%s" as the recipient\'s GSTIN, certain',
    (header) => {
      const d = draftMapping(headerCells(custom(header)[0]!));
      expect(d.mapped.find((m) => m.field === 'ctin')).toEqual({ field: 'ctin', header, exact: true });
    },
  );

  it('a GST number naming the e-commerce operator stays the operator\'s, a guess', () => {
    const d = draftMapping(headerCells(custom('ECO GST No')[0]!));
    expect(d.mapped.filter((m) => m.field === 'ctin' || m.field === 'etin')).toEqual([{ field: 'etin', header: 'ECO GST No', exact: false }]);
  });

  it('the draft for the QA report\'s register converts B-1 to b2b with its buyer', async () => {
    const d = draftMapping(headerCells(custom('Cust GST No')[0]!));
    const { json, findings } = await convert(custom('Cust GST No'), JSON.parse(mappingText(d.mapping)));
    expect(json.b2b).toEqual([{ ctin: BUYER, inv: [expect.objectContaining({ inum: 'B-1', val: 59000 })] }]);
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map((f) => f.column)).toEqual(['Remarks']);
  });
});

describe('recipient GSTIN headers: the generic layout', () => {
  const head = ['Invoice Number', 'Invoice Date', 'GST Number', 'Place of Supply', 'HSN', 'Taxable Value', 'CGST Amount', 'SGST Amount', 'Invoice Value'];

  it('reads a bare "GST Number" as the recipient\'s', async () => {
    const { json } = await convert([head, ['INV/1', '05-09-2025', BUYER, '27', '8471', '1000', '90', '90', '1180']]);
    expect(json.b2b?.[0]?.ctin).toBe(BUYER);
  });

  it('the filer\'s own GSTIN in it is refused at its cell, not filed as a sale to oneself', async () => {
    const { findings } = await convert([head, ['INV/1', '05-09-2025', OWN, '27', '8471', '1000', '90', '90', '1180']]);
    expect(findings.filter((f) => f.code === 'RET191113').map((f) => [f.severity, f.row, f.value])).toEqual([['error', 2, OWN]]);
  });
});

describe('REGISTER_COLUMN_GSTIN_UNREAD: a column of buyers\' GSTINs not read', () => {
  // the QA report's mapping: every column but the GSTIN one
  const mapping = {
    layout: 'register',
    columns: {
      docNum: 'Bill No', docDate: 'Bill Dt', recipientName: 'Customer', pos: 'State', hsn: 'HSN', qty: 'Qty', uqc: 'Unit',
      txval: 'Taxable Amt', iamt: 'IGST', camt: 'CGST', samt: 'SGST', csamt: 'Cess', val: 'Bill Total',
    },
  };

  it('is a warning at its first GSTIN saying the sales were taken as unregistered, instead of "column ignored"', async () => {
    const { json, findings } = await convert(custom('Cust GST No'), mapping);
    expect(json.b2b).toBeUndefined();
    const said = findings.filter((f) => f.code.startsWith('REGISTER_COLUMN'));
    expect(said.map((f) => [f.code, f.severity, f.row, f.column, f.col, f.value])).toEqual([
      ['REGISTER_COLUMN_IGNORED', 'warning', 1, 'Remarks', 15, undefined],
      ['REGISTER_COLUMN_GSTIN_UNREAD', 'warning', 2, 'Cust GST No', 3, BUYER],
    ]);
    expect(messageOf(said[1]!)).toBe(
      `Column "Cust GST No" holds GSTINs (here ${BUYER}; 1 row in all) but is not read, and no column of this sheet is read as the recipient's GSTIN: ` +
        'every document read from it was taken as a supply to an unregistered recipient (B2C), whose buyer gets no credit for it',
    );
  });

  it('not for the filer\'s own GSTIN, an operator\'s TCS registration or a wrong check character: those are columns ignored', async () => {
    for (const id of [OWN, ECO, '27AAGCP5678Q1ZF']) {
      const { findings } = await convert(custom('Our GST No', id), mapping);
      expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map((f) => [f.code, f.column]), id).toEqual([
        ['REGISTER_COLUMN_IGNORED', 'Our GST No'],
        ['REGISTER_COLUMN_IGNORED', 'Remarks'],
      ]);
    }
  });

  it('not for a column already named at the header as a likely recipient GSTIN: a column is said once', async () => {
    // the gstr1 layout leaves a bare "GST Number" unread; with no Recipient GSTIN/UIN it is a "did you mean"
    const head = ['Document Type', 'Document Number', 'Document Date', 'GST Number', 'Place Of Supply', 'HSN/SAC', 'Rate', 'Taxable Value', 'Supply Category'];
    const { findings } = await convert([head, ['Invoice', 'INV/1', '05-09-2025', BUYER, '27', '8471', '18', '1000', 'Taxable']]);
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map((f) => [f.code, f.row, f.column, f.params?.candidates])).toEqual([
      ['REGISTER_COLUMN_UNKNOWN', 1, 'GST Number', 'ctin ("Recipient GSTIN/UIN")'],
    ]);
  });

  it('not when the recipient\'s GSTIN is read from another column', async () => {
    const rows = custom('Cust GST No').map((r, i) => [...r, i === 0 ? 'Ship-to GSTIN' : r[2]!]);
    const { json, findings } = await convert(rows, { ...mapping, columns: { ...mapping.columns, ctin: 'Cust GST No' } });
    expect(json.b2b[0].ctin).toBe(BUYER);
    expect(findings.filter((f) => f.code.startsWith('REGISTER_COLUMN')).map((f) => [f.code, f.column])).toEqual([
      ['REGISTER_COLUMN_IGNORED', 'Remarks'],
      ['REGISTER_COLUMN_IGNORED', 'Ship-to GSTIN'],
    ]);
  });
});
