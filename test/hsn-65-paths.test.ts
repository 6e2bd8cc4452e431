/**
 * An HSN row's tax may go down to 65 % of value × rate only when the return has a 65 % supply of
 * its tab: the same verdict whichever way the return comes in — the template's CSVs on the command
 * line, the same files on the page (checkReturn, what its worker runs), or a retsave JSON.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../src/api/validate.js';
import type { Finding } from '../src/model/finding.js';
import { checkReturn } from '../src/web/check.js';
import { tempDirs, writeText } from './helpers/files.js';

const SUPPLIER = '27AAACR5055K1Z7';
const KA = '29AAACR5055K1Z3';
const PERIOD = '092025';
const B2B = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';
const HSN = 'HSN,Description,Description as per HSN Code,UQC,Total Quantity,Rate,Taxable Value,Integrated Tax Amount,Central Tax Amount,State/UT Tax Amount,Cess Amount';

const dirs = tempDirs();
afterAll(dirs.cleanup);

/** One inter-State invoice of Rs 10,000 at 18 % (at 65 % of the rate or not), and an HSN row whose IGST is 70 % of Rs 1,800. */
function csvReturn(at65: boolean): string[] {
  const dir = dirs.dir();
  const value = at65 ? '11170' : '11800';
  return [
    writeText(dir, 'b2b.csv', `${B2B}\n${KA},Karnataka Traders,INV/1,02-Sep-2025,${value},29-Karnataka,N,${at65 ? 65 : ''},Regular B2B,,18,10000,\n`),
    writeText(dir, 'hsn(b2b).csv', `${HSN}\n847130,Laptops,PORTABLE AUTOMATIC DATA PROCESSING MACHINES,NOS-NUMBERS,1,18,10000,1260,0,0,0\n`),
  ];
}

function jsonReturn(at65: boolean): string {
  const inv = {
    inum: 'INV/1', idt: '02-09-2025', val: at65 ? 11170 : 11800, pos: '29', rchrg: 'N', inv_typ: 'R', ...(at65 ? { diff_percent: 0.65 } : {}),
    itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: at65 ? 1170 : 1800, csamt: 0 } }],
  };
  const hsn = { num: 1, hsn_sc: '847130', desc: 'PORTABLE AUTOMATIC DATA PROCESSING MACHINES', user_desc: 'Laptops', uqc: 'NOS', qty: 1, rt: 18, txval: 10000, iamt: 1260, camt: 0, samt: 0, csamt: 0 };
  const body = { gstin: SUPPLIER, fp: PERIOD, b2b: [{ ctin: KA, inv: [inv] }], hsn: { hsn_b2b: [hsn] } };
  return writeText(dirs.dir(), 'gstr1.json', JSON.stringify(body));
}

const taxFindings = (findings: readonly Finding[]) =>
  findings.filter((f) => f.code === 'RET91708' || f.code === 'HSN_TAX_ROUNDING').map((f) => [f.code, f.sheet, f.column, f.params?.expected, f.params?.expectedTo, f.params?.difference]);
const SHORT = [['RET91708', 'hsn(b2b)', 'Integrated Tax Amount', '1800.00', undefined, '540.00']];

describe('an HSN row at 70 % of the tax, with and without a 65 % invoice, on every path', () => {
  it('the command line (template CSVs)', async () => {
    const opts = { gstin: SUPPLIER, period: PERIOD };
    expect(taxFindings((await validateFiles(csvReturn(false), opts)).result.findings.items)).toEqual(SHORT);
    expect(taxFindings((await validateFiles(csvReturn(true), opts)).result.findings.items)).toEqual([]);
  });

  it('the page (the same files through checkReturn)', async () => {
    const opts = { gstin: SUPPLIER, period: PERIOD };
    expect(taxFindings((await checkReturn(csvReturn(false), opts)).raw)).toEqual(SHORT);
    expect(taxFindings((await checkReturn(csvReturn(true), opts)).raw)).toEqual([]);
  });

  it('a retsave JSON', async () => {
    const opts = { gstin: '', period: '' };
    expect(taxFindings((await validateFiles([jsonReturn(false)], opts)).result.findings.items)).toEqual(SHORT);
    expect(taxFindings((await validateFiles([jsonReturn(true)], opts)).result.findings.items)).toEqual([]);
  });
});
