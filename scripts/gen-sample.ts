/**
 * Generates the bundled sample return (templates/sample/gstr1-sample.xlsx) and the same data as
 * one CSV per sheet (test/fixtures/sample-csv/<sheet>.csv).
 *
 * The return: Sahyadri Trade Links Pvt Ltd, Pune (GSTIN 27AAKCS4821M1ZW), October 2025 (102025),
 * a distributor of IT hardware, electricals, packaged food and beverages and agri-produce, with
 * computer-maintenance, warehousing and goods-transport services. Every template sheet has rows.
 *
 * Documents are declared below as a person fills the template (labels, dd-mmm-yyyy dates,
 * rupees), each line with its HSN, quantity and UQC. The script works out invoice and note
 * values, builds hsn(b2b) and hsn(b2c) from the same lines, and checks what the portal checks:
 * GSTIN check characters, HSN codes in the GSTN master, UQC NA and quantity 0 for services,
 * dates inside the period, tax equal to taxable value x rate to the paisa, B2CL above the limit,
 * document numbers inside the Table 13 series. It fails loudly instead of writing a bad sample.
 *
 * Table 12 is built as: hsn(b2b) = b2b (4A, 4B, 6B, 6C) + cdnr (9B registered, credit notes
 * negative) + nil/exempt supplies to registered persons (8, at rate 0); hsn(b2c) = b2cl (5) +
 * b2cs (7) + exp (6A) + cdnur (9B unregistered) + nil/exempt to unregistered persons; Table 15
 * supplies (the filer as e-commerce operator, u/s 9(5)) join hsn(b2b) for registered recipients
 * and hsn(b2c) for the others, as GSTN's Phase-III advisory lists them. Amendments
 * (9A, 9C, 15A) change nothing but numbers, dates, recipients and shipping bills, so their value
 * differential is nil; advances (11) and Table 14 are not part of Table 12. Supplies without
 * payment of tax (SEZ without payment, exports under LUT) are reported at rate 0, so every
 * Table 12 row carries exactly taxable value x rate, except the one row fed by the 65 % invoice
 * (85444299), whose tax is 65 % of that, as on the invoice: Table 12 has no Applicable % column,
 * so that invoice is kept small enough to stay within the portal's Rs 10 tolerance.
 *
 * Run: npx tsx scripts/gen-sample.ts   (also run by npm run gen:templates)
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { b2clLimitPaise, ratesFor } from '../src/model/dated-rules.js';
import { FIELD_KINDS, type Field, type FieldValues } from '../src/model/fields.js';
import { DOC_NATURES } from '../src/model/labels.js';
import { computeTax, formatPaise, numberToPaise, paiseToNumber } from '../src/model/money.js';
import { formatPeriod, periodFirstDay, periodLastDay, type Period } from '../src/model/period.js';
import { sheetSpec, type SheetId } from '../src/model/sheets.js';
import { coerceCell } from '../src/parsers/coerce.js';
import { helpLines, sheetName, templateSheetIds } from '../src/report/template/layout.js';
import { writeTemplateWorkbook } from '../src/report/template/workbook-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_XLSX = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
export const SAMPLE_CSV_DIR = join(ROOT, 'test/fixtures/sample-csv');

export const PERIOD: Period = { month: 10, year: 2025 };

// ---------------------------------------------------------------- identifiers

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GSTN's mod-36 check character over the first 14 characters (spec §3.1). */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const p = ALPHABET.indexOf(first14[13 - i]!) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return ALPHABET[(36 - (sum % 36)) % 36]!;
}
const withCheck = (first14: string) => first14 + gstinCheckChar(first14);

interface Party {
  readonly name: string;
  readonly gstin: string;
}
const party = (name: string, first14: string): Party => ({ name, gstin: withCheck(first14) });

export const SUPPLIER = party('Sahyadri Trade Links Pvt Ltd', '27AAKCS4821M1Z');
const PUNE_INFOTECH = party('Pune Infotech Solutions Pvt Ltd', '27AAFCP7263Q1Z');
const KAVERI = party('Kaveri Electricals LLP', '29AAQFK3318N1Z');
const SABARMATI = party('Sabarmati Retail Pvt Ltd', '24AAHCS9051B1Z');
const DECCAN_SEZ = party('Deccan Auto Components Pvt Ltd (SEZ unit)', '27AACCD6132H1Z');
const KONKAN_EOU = party('Konkan Precision Tools Pvt Ltd (EOU)', '27AAECK8890R1Z');
const UIN_HOLDER = party('International Relief Agency Mumbai Office', '2717UNO00293UN');
const BHARAT_AGRO = party('Bharat Agro Processors Pvt Ltd', '27AAGCB5174D1Z');
const CHARMINAR = party('Charminar Distributors', '36ABCFC2209L1Z');
const MARINA = party('Marina Tech Traders', '33AAPFM6624E1Z');
const YAMUNA = party('Yamuna Office Systems Pvt Ltd', '07AABCY3392G1Z');
const BAZAARKART = party('BazaarKart Marketplace Pvt Ltd', '27AAHCB6645P1C');
const QUICKCART = party('QuickCart Commerce Pvt Ltd', '27AAJCQ1150F1C');
const HOMEFIX = party('HomeFix Services Platform Pvt Ltd', '27AAFCH2284M1Z');
/** a restaurant selling through the filer's food-ordering app (Table 15) */
const KONKAN_CAFE = party('Konkan Cafe LLP', '27AAKFK5521C1Z');

export const GSTINS: readonly Party[] = [
  SUPPLIER, PUNE_INFOTECH, KAVERI, SABARMATI, DECCAN_SEZ, KONKAN_EOU, UIN_HOLDER, BHARAT_AGRO, CHARMINAR, MARINA, YAMUNA,
  BAZAARKART, QUICKCART, HOMEFIX, KONKAN_CAFE,
];

// ---------------------------------------------------------------- goods and services

interface Item {
  readonly hsn: string;
  readonly desc: string;
  readonly uqc: string;
}
const item = (hsn: string, desc: string, uqc: string): Item => ({ hsn, desc, uqc });
const LAPTOP = item('84713010', 'Laptops', 'NOS-NUMBERS');
const CABLE = item('85444999', 'Electric cables', 'MTR-METERS');
const CABLE_SET = item('85444299', 'Cable sets with connectors', 'MTR-METERS');
const LED = item('85395000', 'LED lamps', 'PCS-PIECES');
const FAN = item('84145110', 'Table fans', 'NOS-NUMBERS');
const INVERTER = item('85044010', 'Inverters', 'NOS-NUMBERS');
const AC = item('84151010', 'Split air conditioners', 'NOS-NUMBERS');
const PRINTER = item('84433250', 'Inkjet printers', 'NOS-NUMBERS');
const SODA = item('22021010', 'Aerated beverages', 'BTL-BOTTLES');
const WATER = item('22011010', 'Mineral water', 'BTL-BOTTLES');
const BISCUIT = item('19053100', 'Sweet biscuits', 'KGS-KILOGRAMS');
const CIGARETTE = item('24022090', 'Cigarettes', 'THD-THOUSANDS');
const GRAPES = item('08061000', 'Fresh grapes', 'KGS-KILOGRAMS');
const TOMATO = item('07020000', 'Fresh tomatoes', 'KGS-KILOGRAMS');
const AMC = item('998713', 'Computer maintenance (AMC)', 'NA');
const WAREHOUSE = item('997212', 'Warehouse rental', 'NA');
const GTA = item('996791', 'Goods transport (GTA)', 'NA');
const RESTAURANT = item('996331', 'Restaurant service (app orders)', 'NA');

interface Line {
  readonly item: Item;
  readonly qty: number;
  readonly rate: number;
  /** rupees */
  readonly taxable: number;
  readonly cess?: number;
  /** sold through this e-commerce operator (Table 14) */
  readonly eco?: Party;
}
const line = (it: Item, qty: number, rate: number, taxable: number, more: { cess?: number; eco?: Party } = {}): Line => ({
  item: it, qty: it.uqc === 'NA' ? 0 : qty, rate, taxable, ...more,
});

// ---------------------------------------------------------------- sheet rows, Table 12 and Table 14

type Cell = string | number;
type Row = Record<string, Cell>;

const rows = new Map<SheetId, Row[]>();
const push = (sheet: SheetId, row: Row) => {
  let list = rows.get(sheet);
  if (!list) rows.set(sheet, (list = []));
  list.push(row);
};

const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) problems.push(what);
};

const paise = numberToPaise;
const rupees = paiseToNumber;
const stateOf = (posLabel: string) => posLabel.slice(0, 2);
const OWN_STATE = SUPPLIER.gstin.slice(0, 2);

const MONTHS3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function isoOf(text: string): string {
  const m = /^(\d{2})-([A-Z][a-z]{2})-(\d{4})$/.exec(text);
  if (!m) throw new Error(`bad date ${text}`);
  return `${m[3]}-${String(MONTHS3.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]}`;
}
const inPeriod = (text: string) => isoOf(text) >= periodFirstDay(PERIOD) && isoOf(text) <= periodLastDay(PERIOD);
const monthEnd = (text: string) => {
  const iso = isoOf(text);
  return periodLastDay({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });
};

type Tab = 'b2b' | 'b2c';
interface HsnAcc {
  tab: Tab;
  item: Item;
  rate: number;
  qty: number; // hundredths
  txval: number;
  iamt: number;
  camt: number;
  samt: number;
  csamt: number;
  /** fed by a 65 % line */
  reduced: boolean;
  /** lines whose tax was rounded (Table 15's 18000.50): a paisa per tax head each */
  inexact: number;
}
const hsn = new Map<string, HsnAcc>();
const eco = new Map<string, { party: Party; suppval: number; igst: number; cgst: number; sgst: number; cess: number }>();

interface Taxed {
  txval: number;
  iamt: number;
  camt: number;
  samt: number;
  csamt: number;
}

/** Taxes a line (paise), checks they are exact to the paisa, and books it into Table 12 (and 14). */
function taxLine(l: Line, o: { inter: boolean; noTax?: boolean; diff?: number; tab: Tab; sign?: 1 | -1; where: string }): Taxed {
  const txval = paise(l.taxable);
  const diff = o.diff ?? 100;
  check(ratesFor(PERIOD).includes(l.rate), `${o.where}: rate ${l.rate} is not valid for ${formatPeriod(PERIOD)}`);
  check(!o.noTax || l.rate === 0, `${o.where}: a supply without payment of tax is reported at rate 0`);
  const exactUnit = o.inter ? 10_000 : 20_000;
  check((txval * l.rate * diff) % exactUnit === 0, `${o.where}: tax on ${l.taxable} at ${l.rate} % is not exact to the paisa`);
  const t = o.noTax ? {} : computeTax(txval, l.rate, o.inter, diff);
  const taxed: Taxed = { txval, iamt: t.iamt ?? 0, camt: t.camt ?? 0, samt: t.samt ?? 0, csamt: o.noTax ? 0 : paise(l.cess ?? 0) };
  const sign = o.sign ?? 1;
  bookHsn(o.tab, l, taxed, sign, diff);
  if (l.eco) {
    let e = eco.get(l.eco.gstin);
    if (!e) eco.set(l.eco.gstin, (e = { party: l.eco, suppval: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 }));
    e.suppval += sign * taxed.txval;
    e.igst += sign * taxed.iamt;
    e.cgst += sign * taxed.camt;
    e.sgst += sign * taxed.samt;
    e.cess += sign * taxed.csamt;
  }
  return taxed;
}
/** Adds a taxed line to its Table 12 row (tab, HSN, UQC, rate). */
function bookHsn(tab: Tab, l: Line, taxed: Taxed, sign: 1 | -1 = 1, diff = 100, inexact = false): void {
  const key = `${tab}|${l.item.hsn}|${l.item.uqc}|${l.rate}`;
  let acc = hsn.get(key);
  if (!acc) hsn.set(key, (acc = { tab, item: l.item, rate: l.rate, qty: 0, txval: 0, iamt: 0, camt: 0, samt: 0, csamt: 0, reduced: false, inexact: 0 }));
  acc.qty += sign * paise(l.qty);
  acc.txval += sign * taxed.txval;
  acc.iamt += sign * taxed.iamt;
  acc.camt += sign * taxed.camt;
  acc.samt += sign * taxed.samt;
  acc.csamt += sign * taxed.csamt;
  if (diff !== 100) acc.reduced = true;
  if (inexact) acc.inexact++;
}
const valueOf = (t: Taxed[]) => t.reduce((s, x) => s + x.txval + x.iamt + x.camt + x.samt + x.csamt, 0);
const cess = (p: number): Cell => (p ? rupees(p) : '');

const WITHOUT_PAYMENT = new Set(['SEZ supplies without payment']);
const IGST_TYPES = new Set(['SEZ supplies with payment', 'SEZ supplies without payment', 'Intra-State supplies attracting IGST']);
const usedNumbers: { series: 'invoice' | 'export' | 'credit' | 'debit'; num: string }[] = [];

/** b2b,sez,de: one row per line; lines of an invoice repeat its details. */
function b2b(p: Party, inum: string, date: string, o: { pos?: string; type?: string; rc?: 'Y'; applicable?: 65 }, lines: Line[]): void {
  const pos = o.pos ?? posOf(p.gstin.slice(0, 2));
  const type = o.type ?? 'Regular B2B';
  const inter = IGST_TYPES.has(type) || stateOf(pos) !== OWN_STATE;
  check(inPeriod(date), `b2b ${inum}: date ${date} outside the period`);
  usedNumbers.push({ series: 'invoice', num: inum });
  const taxed = lines.map((l) => taxLine(l, { inter, noTax: WITHOUT_PAYMENT.has(type), diff: o.applicable ?? 100, tab: 'b2b', where: `b2b ${inum}` }));
  const val = rupees(valueOf(taxed));
  lines.forEach((l, i) =>
    push('b2b', {
      'GSTIN/UIN of Recipient': p.gstin, 'Receiver Name': p.name, 'Invoice Number': inum, 'Invoice date': date,
      'Invoice Value': val, 'Place Of Supply': pos, 'Reverse Charge': o.rc ?? 'N', 'Applicable % of Tax Rate': o.applicable ?? '',
      'Invoice Type': type, 'E-Commerce GSTIN': '', Rate: l.rate, 'Taxable Value': l.taxable, 'Cess Amount': cess(taxed[i]!.csamt),
    }),
  );
}

/** b2cl: inter-State invoices to unregistered persons above the limit. */
function b2cl(inum: string, date: string, pos: string, lines: Line[]): void {
  check(inPeriod(date), `b2cl ${inum}: date outside the period`);
  check(stateOf(pos) !== OWN_STATE, `b2cl ${inum}: must be inter-State`);
  usedNumbers.push({ series: 'invoice', num: inum });
  const taxed = lines.map((l) => taxLine(l, { inter: true, tab: 'b2c', where: `b2cl ${inum}` }));
  const val = valueOf(taxed);
  check(val > b2clLimitPaise(PERIOD), `b2cl ${inum}: value ${formatPaise(val)} not above the B2CL limit`);
  lines.forEach((l, i) =>
    push('b2cl', {
      'Invoice Number': inum, 'Invoice date': date, 'Invoice Value': rupees(val), 'Place Of Supply': pos,
      'Applicable % of Tax Rate': '', Rate: l.rate, 'Taxable Value': l.taxable, 'Cess Amount': cess(taxed[i]!.csamt), 'E-Commerce GSTIN': '',
    }),
  );
}

/** b2cs: one row per place of supply and rate, summing the month's small B2C invoices. */
function b2cs(pos: string, rate: number, lines: Line[]): void {
  const inter = stateOf(pos) !== OWN_STATE;
  check(lines.every((l) => l.rate === rate), `b2cs ${pos} ${rate}: lines at another rate`);
  const taxed = lines.map((l) => taxLine(l, { inter, tab: 'b2c', where: `b2cs ${pos} ${rate}` }));
  const txval = taxed.reduce((s, t) => s + t.txval, 0);
  const cs = taxed.reduce((s, t) => s + t.csamt, 0);
  push('b2cs', {
    Type: 'OE', 'Place Of Supply': pos, 'Applicable % of Tax Rate': '', Rate: rate, 'Taxable Value': rupees(txval),
    'Cess Amount': cess(cs), 'E-Commerce GSTIN': '',
  });
}

/** cdnr: credit (C) and debit (D) notes to registered persons; amounts positive. */
function cdnr(p: Party, num: string, date: string, type: 'C' | 'D', lines: Line[], pos = posOf(p.gstin.slice(0, 2))): void {
  check(inPeriod(date), `cdnr ${num}: date outside the period`);
  usedNumbers.push({ series: type === 'C' ? 'credit' : 'debit', num });
  const inter = stateOf(pos) !== OWN_STATE;
  const taxed = lines.map((l) => taxLine(l, { inter, tab: 'b2b', sign: type === 'C' ? -1 : 1, where: `cdnr ${num}` }));
  const val = rupees(valueOf(taxed));
  lines.forEach((l, i) =>
    push('cdnr', {
      'GSTIN/UIN of Recipient': p.gstin, 'Receiver Name': p.name, 'Note Number': num, 'Note Date': date, 'Note Type': type,
      'Place Of Supply': pos, 'Reverse Charge': 'N', 'Note Supply Type': 'Regular B2B', 'Note Value': val,
      'Applicable % of Tax Rate': '', Rate: l.rate, 'Taxable Value': l.taxable, 'Cess Amount': cess(taxed[i]!.csamt),
    }),
  );
}

/** cdnur: notes to unregistered persons (B2CL) and on exports; IGST only. */
function cdnur(urType: 'B2CL' | 'EXPWP' | 'EXPWOP', num: string, date: string, type: 'C' | 'D', lines: Line[], pos = ''): void {
  check(inPeriod(date), `cdnur ${num}: date outside the period`);
  check(urType === 'B2CL' ? pos !== '' && stateOf(pos) !== OWN_STATE : pos === '', `cdnur ${num}: place of supply`);
  usedNumbers.push({ series: type === 'C' ? 'credit' : 'debit', num });
  const taxed = lines.map((l) =>
    taxLine(l, { inter: true, noTax: urType === 'EXPWOP', tab: 'b2c', sign: type === 'C' ? -1 : 1, where: `cdnur ${num}` }),
  );
  const val = rupees(valueOf(taxed));
  lines.forEach((l, i) =>
    push('cdnur', {
      'UR Type': urType, 'Note Number': num, 'Note Date': date, 'Note Type': type, 'Place Of Supply': pos, 'Note Value': val,
      'Applicable % of Tax Rate': '', Rate: l.rate, 'Taxable Value': l.taxable, 'Cess Amount': cess(taxed[i]!.csamt),
    }),
  );
}

/** exp: exports with (WPAY) or without (WOPAY, under LUT) payment of IGST. */
function exp(type: 'WPAY' | 'WOPAY', inum: string, date: string, sb: { port?: string; num?: string; date?: string }, lines: Line[]): void {
  check(inPeriod(date), `exp ${inum}: date outside the period`);
  check(!sb.date || isoOf(sb.date) >= isoOf(date), `exp ${inum}: shipping bill before the invoice`);
  check(!sb.num || /^[0-9]{3,7}$/.test(sb.num), `exp ${inum}: shipping bill number`);
  usedNumbers.push({ series: 'export', num: inum });
  const taxed = lines.map((l) => taxLine(l, { inter: true, noTax: type === 'WOPAY', tab: 'b2c', where: `exp ${inum}` }));
  const val = rupees(valueOf(taxed));
  lines.forEach((l, i) =>
    push('exp', {
      'Export Type': type, 'Invoice Number': inum, 'Invoice date': date, 'Invoice Value': val, 'Port Code': sb.port ?? '',
      'Shipping Bill Number': sb.num ?? '', 'Shipping Bill Date': sb.date ?? '', Rate: l.rate, 'Taxable Value': l.taxable,
      'Cess Amount': cess(taxed[i]!.csamt),
    }),
  );
}

/** exemp: nil rated and exempted supplies; their goods and services go to Table 12 at rate 0. */
function exemp(desc: string, nil: Line[], exempt: Line[]): void {
  const tab: Tab = desc.includes('unregistered') ? 'b2c' : 'b2b';
  const sum = (ls: Line[]) => ls.reduce((s, l) => s + taxLine(l, { inter: true, tab, where: `exemp ${desc}` }).txval, 0);
  check([...nil, ...exempt].every((l) => l.rate === 0), `exemp ${desc}: rate must be 0`);
  const n = sum(nil);
  const e = sum(exempt);
  push('exemp', {
    Description: desc, 'Nil Rated Supplies': n ? rupees(n) : '', 'Exempted(other than nil rated/non GST supply)': e ? rupees(e) : '',
    'Non-GST Supplies': '',
  });
}

const POS_LABELS: Record<string, string> = {
  '07': '07-Delhi', '24': '24-Gujarat', '27': '27-Maharashtra', '29': '29-Karnataka', '30': '30-Goa', '33': '33-Tamil Nadu',
  '36': '36-Telangana',
};
function posOf(stateCode: string): string {
  const l = POS_LABELS[stateCode.slice(0, 2)];
  if (!l) throw new Error(`no POS label for ${stateCode}`);
  return l;
}

// ================================================================ the month's data

// ---- 4A, 4B, 6B, 6C: invoices to registered persons
b2b(PUNE_INFOTECH, 'STL/25-26/1204', '03-Oct-2025', {}, [
  line(LAPTOP, 10, 18, 485000),
  line(CABLE, 500, 18, 42500),
]);
b2b(KAVERI, 'STL/25-26/1211', '06-Oct-2025', {}, [
  line(LED, 2400, 18, 216000),
  line(FAN, 120, 18, 138000),
  line(INVERTER, 25, 18, 162500.5),
]);
b2b(SABARMATI, 'STL/25-26/1219', '08-Oct-2025', {}, [
  line(SODA, 4800, 40, 115200),
  line(BISCUIT, 1200, 5, 96000),
  // cigarettes: 28 % plus compensation cess (5 % ad valorem + Rs 2,076 per thousand sticks)
  line(CIGARETTE, 150, 28, 330000, { cess: 327900 }),
]);
b2b(DECCAN_SEZ, 'STL/25-26/1226', '10-Oct-2025', { type: 'SEZ supplies with payment' }, [line(AC, 8, 18, 320000)]);
b2b(DECCAN_SEZ, 'STL/25-26/1233', '13-Oct-2025', { type: 'SEZ supplies without payment' }, [line(LAPTOP, 6, 0, 294000)]);
b2b(KONKAN_EOU, 'STL/25-26/1240', '15-Oct-2025', { type: 'Deemed Exp' }, [line(INVERTER, 40, 18, 260000)]);
b2b(UIN_HOLDER, 'STL/25-26/1247', '17-Oct-2025', { pos: '27-Maharashtra' }, [
  line(LED, 300, 18, 27000),
  line(PRINTER, 4, 18, 58000),
]);
b2b(BHARAT_AGRO, 'STL/25-26/1255', '20-Oct-2025', { rc: 'Y' }, [line(GTA, 0, 5, 64000)]);
// a supply taxed at 65 % of the rate: Table 12 has no Applicable % column, so its row carries
// 65 % of taxable x rate; kept small enough (Rs 9.45 short) for the portal's Rs 10 tolerance
b2b(CHARMINAR, 'STL/25-26/1262', '22-Oct-2025', { applicable: 65 }, [line(CABLE_SET, 6, 18, 150)]);
b2b(MARINA, 'STL/25-26/1270', '24-Oct-2025', {}, [
  line(AMC, 0, 18, 75000),
  line(LAPTOP, 2, 18, 98000),
]);
b2b(YAMUNA, 'STL/25-26/1284', '27-Oct-2025', {}, [line(PRINTER, 10, 18, 145000.5)]);
b2b(PUNE_INFOTECH, 'STL/25-26/1291', '29-Oct-2025', {}, [
  line(WAREHOUSE, 0, 18, 120000),
  line(AMC, 0, 18, 36000),
]);
b2b(BHARAT_AGRO, 'STL/25-26/1302', '30-Oct-2025', {}, [line(SODA, 2400, 40, 57600)]);

// ---- 9A: amendments of invoices reported in September (number, recipient or date corrections)
push('b2ba', {
  'GSTIN/UIN of Recipient': KAVERI.gstin, 'Receiver Name': KAVERI.name,
  'Original Invoice Number': 'STL/25-26/1107', 'Original Invoice date': '12-Sep-2025',
  'Revised Invoice Number': 'STL/25-26/1107', 'Revised Invoice date': '12-Sep-2025',
  'Invoice Value': 75520, 'Place Of Supply': '29-Karnataka', 'Reverse Charge': 'N', 'Applicable % of Tax Rate': '',
  'Invoice Type': 'Regular B2B', 'E-Commerce GSTIN': '', Rate: 18, 'Taxable Value': 64000, 'Cess Amount': '',
});
for (const [rate, taxable] of [[18, 45000], [5, 12000]] as const) {
  push('b2ba', {
    'GSTIN/UIN of Recipient': YAMUNA.gstin, 'Receiver Name': YAMUNA.name,
    'Original Invoice Number': 'STL/25-26/1093', 'Original Invoice date': '09-Sep-2025',
    'Revised Invoice Number': 'STL/25-26/1098', 'Revised Invoice date': '09-Sep-2025',
    'Invoice Value': 65700, 'Place Of Supply': '07-Delhi', 'Reverse Charge': 'N', 'Applicable % of Tax Rate': '',
    'Invoice Type': 'Regular B2B', 'E-Commerce GSTIN': '', Rate: rate, 'Taxable Value': taxable, 'Cess Amount': '',
  });
}

// ---- 5: large inter-State invoices to unregistered persons
b2cl('STL/25-26/1215', '07-Oct-2025', '29-Karnataka', [line(AC, 2, 18, 110000)]);
b2cl('STL/25-26/1259', '21-Oct-2025', '30-Goa', [
  line(LAPTOP, 3, 18, 147000),
  line(CABLE, 40, 18, 3000),
]);
b2cl('STL/25-26/1298', '29-Oct-2025', '24-Gujarat', [line(INVERTER, 5, 18, 92500.5)]);

// ---- 9A: amendment of a September B2CL invoice (date typed wrong)
push('b2cla', {
  'Original Invoice Number': 'STL/25-26/1121', 'Original Invoice date': '15-Sep-2025', 'Original Place Of Supply': '24-Gujarat',
  'Revised Invoice Number': 'STL/25-26/1121', 'Revised Invoice date': '16-Sep-2025', 'Invoice Value': 141600,
  'Applicable % of Tax Rate': '', Rate: 18, 'Taxable Value': 120000, 'Cess Amount': '', 'E-Commerce GSTIN': '',
});

// ---- 7: other B2C supplies, by place of supply and rate (some through BazaarKart)
b2cs('27-Maharashtra', 18, [
  line(LED, 450, 18, 40500),
  line(CABLE, 300, 18, 25500),
  line(AMC, 0, 18, 36000, { eco: BAZAARKART }),
]);
b2cs('27-Maharashtra', 5, [
  line(BISCUIT, 850, 5, 68000),
  line(WATER, 3000, 5, 30000),
]);
b2cs('27-Maharashtra', 40, [line(SODA, 1800, 40, 43200)]);
b2cs('27-Maharashtra', 28, [line(CIGARETTE, 12, 28, 26400, { cess: 26232 })]);
b2cs('29-Karnataka', 18, [
  line(LED, 520, 18, 46800, { eco: BAZAARKART }),
  line(FAN, 32, 18, 37200, { eco: BAZAARKART }),
]);
b2cs('30-Goa', 5, [line(BISCUIT, 300, 5, 24000)]);

// ---- 10: amendment of September's B2CS figure for Karnataka
push('b2csa', {
  'Financial Year': '2025-26', 'Original Month': 'SEPTEMBER', 'Place Of Supply': '29-Karnataka', Type: 'OE',
  'Applicable % of Tax Rate': '', Rate: 18, 'Taxable Value': 45000, 'Cess Amount': '', 'E-Commerce GSTIN': '',
});

// ---- 9B: credit and debit notes to registered persons
cdnr(PUNE_INFOTECH, 'CN/25-26/041', '14-Oct-2025', 'C', [line(LAPTOP, 2, 18, 97000)]);
cdnr(KAVERI, 'CN/25-26/042', '18-Oct-2025', 'C', [line(LED, 200, 18, 18000)]);
cdnr(SABARMATI, 'DN/25-26/009', '23-Oct-2025', 'D', [line(BISCUIT, 0, 5, 4800)]);

// ---- 9C: a September credit note issued to the wrong GSTIN, now to Marina Tech Traders
push('cdnra', {
  'GSTIN/UIN of Recipient': MARINA.gstin, 'Receiver Name': MARINA.name,
  'Original Note Number': 'CN/25-26/036', 'Original Note Date': '19-Sep-2025',
  'Revised Note Number': 'CN/25-26/036', 'Revised Note Date': '19-Sep-2025', 'Note Type': 'C',
  'Place Of Supply': '33-Tamil Nadu', 'Reverse Charge': 'N', 'Note Supply Type': 'Regular B2B', 'Note Value': 14160,
  'Applicable % of Tax Rate': '', Rate: 18, 'Taxable Value': 12000, 'Cess Amount': '',
});

// ---- 9B: notes to unregistered persons
cdnur('B2CL', 'CN/25-26/043', '25-Oct-2025', 'C', [line(AC, 1, 18, 55000)], '29-Karnataka');
cdnur('EXPWP', 'CN/25-26/044', '28-Oct-2025', 'C', [line(LED, 250, 18, 21000)]);

// ---- 9C: a September B2CL credit note with its date typed wrong
push('cdnura', {
  'UR Type': 'B2CL', 'Original Note Number': 'CN/25-26/037', 'Original Note Date': '22-Sep-2025',
  'Revised Note Number': 'CN/25-26/037', 'Revised Note Date': '23-Sep-2025', 'Note Type': 'C', 'Place Of Supply': '24-Gujarat',
  'Note Value': 17700, 'Applicable % of Tax Rate': '', Rate: 18, 'Taxable Value': 15000, 'Cess Amount': '',
});

// ---- 6A: exports
exp('WPAY', 'STLX/25-26/018', '09-Oct-2025', { port: 'INNSA1', num: '4721856', date: '11-Oct-2025' }, [
  line(LED, 4600, 18, 420000),
  line(FAN, 70, 18, 84000),
]);
exp('WOPAY', 'STLX/25-26/019', '16-Oct-2025', { port: 'INBOM4', num: '4839210', date: '18-Oct-2025' }, [line(CABLE, 3200, 0, 275000)]);
exp('WOPAY', 'STLX/25-26/020', '30-Oct-2025', {}, [line(INVERTER, 30, 0, 180000)]);

// ---- 9A: shipping bill of a September export, known now
push('expa', {
  'Export Type': 'WPAY', 'Original Invoice Number': 'STLX/25-26/015', 'Original Invoice date': '10-Sep-2025',
  'Revised Invoice Number': 'STLX/25-26/015', 'Revised Invoice date': '10-Sep-2025', 'Invoice Value': 283200,
  'Port Code': 'INNSA1', 'Shipping Bill Number': '4612077', 'Shipping Bill Date': '12-Sep-2025', Rate: 18,
  'Taxable Value': 240000, 'Cess Amount': '',
});

// ---- 11A, 11B: advances for maintenance contracts received and adjusted
push('at', { 'Place Of Supply': '27-Maharashtra', 'Applicable % of Tax Rate': '', Rate: 18, 'Gross Advance Received': 50000, 'Cess Amount': '' });
push('at', { 'Place Of Supply': '29-Karnataka', 'Applicable % of Tax Rate': '', Rate: 18, 'Gross Advance Received': 35000, 'Cess Amount': '' });
push('ata', {
  'Financial Year': '2025-26', 'Original Month': 'AUGUST', 'Original Place Of Supply': '27-Maharashtra',
  'Applicable % of Tax Rate': '', Rate: 18, 'Gross Advance Received': 42000, 'Cess Amount': '',
});
push('atadj', { 'Place Of Supply': '27-Maharashtra', 'Applicable % of Tax Rate': '', Rate: 18, 'Gross Advance Adjusted': 30000, 'Cess Amount': '' });
push('atadja', {
  'Financial Year': '2025-26', 'Original Month': 'SEPTEMBER', 'Original Place Of Supply': '29-Karnataka',
  'Applicable % of Tax Rate': '', Rate: 18, 'Gross Advance Adjusted': 25000, 'Cess Amount': '',
});

// ---- 8: nil rated (fresh produce) and exempted (GTA for agricultural produce) supplies
exemp('Inter-State supplies to registered persons', [line(GRAPES, 2150, 0, 185000)], [line(GTA, 0, 0, 12000)]);
exemp('Intra-State supplies to registered persons', [line(GRAPES, 2800, 0, 240000)], [line(GTA, 0, 0, 18500)]);
exemp('Inter-State supplies to unregistered persons', [line(TOMATO, 1500, 0, 45000)], []);
exemp('Intra-State supplies to unregistered persons', [line(GRAPES, 1125.5, 0, 96500)], [line(GTA, 0, 0, 7500)]);

// ---- 13: documents issued (the invoice and note numbers above lie inside these series)
const DOCS: { nature: number; from: string; to: string; total: number; cancelled: number; series?: 'invoice' | 'export' | 'credit' | 'debit' }[] = [
  { nature: 1, from: 'STL/25-26/1201', to: 'STL/25-26/1348', total: 148, cancelled: 3, series: 'invoice' },
  { nature: 1, from: 'STLX/25-26/018', to: 'STLX/25-26/020', total: 3, cancelled: 0, series: 'export' },
  { nature: 4, from: 'DN/25-26/009', to: 'DN/25-26/009', total: 1, cancelled: 0, series: 'debit' },
  { nature: 5, from: 'CN/25-26/041', to: 'CN/25-26/044', total: 4, cancelled: 0, series: 'credit' },
  { nature: 6, from: 'RV/25-26/077', to: 'RV/25-26/081', total: 5, cancelled: 0 },
  { nature: 9, from: 'DC/25-26/031', to: 'DC/25-26/036', total: 6, cancelled: 1 },
];
for (const d of DOCS) {
  push('docs', { 'Nature of Document': DOC_NATURES[d.nature - 1]!, 'Sr. No. From': d.from, 'Sr. No. To': d.to, 'Total Number': d.total, Cancelled: d.cancelled });
}

// ---- 14 and 14A: supplies through e-commerce operators
function ecoRows(): void {
  for (const e of eco.values()) {
    check(e.cgst === e.sgst, 'eco: CGST must equal SGST');
    push('eco', {
      'Nature of Supply': 'Liable to collect tax u/s 52(TCS)', 'GSTIN of E-Commerce Operator': e.party.gstin,
      'E-Commerce Operator Name': e.party.name, 'Net value of supplies': rupees(e.suppval), 'Integrated tax': rupees(e.igst),
      'Central tax': rupees(e.cgst), 'State/UT tax': rupees(e.sgst), Cess: e.cess ? rupees(e.cess) : '',
    });
  }
  // repair visits booked through HomeFix: the operator pays the tax u/s 9(5)
  push('eco', {
    'Nature of Supply': 'Liable to pay tax u/s 9(5)', 'GSTIN of E-Commerce Operator': HOMEFIX.gstin,
    'E-Commerce Operator Name': HOMEFIX.name, 'Net value of supplies': 27500, 'Integrated tax': '', 'Central tax': '',
    'State/UT tax': '', Cess: '',
  });
  // September's BazaarKart figure was reported under QuickCart's GSTIN
  push('ecoa', {
    'Nature of Supply': 'Liable to collect tax u/s 52(TCS)', 'Financial Year': '2025-26', 'Original Month/Quarter': 'SEPTEMBER',
    'Original GSTIN of E-Commerce Operator': QUICKCART.gstin, 'Revised GSTIN of E-Commerce Operator': BAZAARKART.gstin,
    'E-Commerce Operator Name': BAZAARKART.name, 'Revised Net value of supplies': 96000, 'Integrated tax': 10800,
    'Central tax': 3240, 'State/UT tax': 3240, Cess: '',
  });
}
ecoRows();

// ---- 15 and 15A: the filer also runs a food-ordering app and pays the tax on its restaurants'
// supplies u/s 9(5) (5 %); figures are worked out by hand in test/golden.test.ts
function table15Rows(): void {
  const doc = { 'Value of supplies made': 0, 'Place Of Supply': '', 'Document type': 'Regular', Rate: 5, 'Taxable Value': 0, 'Cess Amount': '' };
  const supplier = { 'Supplier GSTIN/UIN': KONKAN_CAFE.gstin, 'Supplier Name': KONKAN_CAFE.name };
  const pune = { 'Recipient GSTIN/UIN': PUNE_INFOTECH.gstin, 'Recipient Name': PUNE_INFOTECH.name };
  const yamuna = { 'Recipient GSTIN/UIN': YAMUNA.gstin, 'Recipient Name': YAMUNA.name };
  // a team lunch for Pune Infotech, billed in two lines
  for (const taxable of [4000, 2000]) {
    push('ecob2b', { ...supplier, ...pune, 'Document Number': 'KC/101', 'Document Date': '08-Oct-2025', ...doc, 'Value of supplies made': 6300, 'Place Of Supply': '27-Maharashtra', 'Taxable Value': taxable });
  }
  push('ecourp2b', { ...yamuna, 'Document Number': 'HS/55', 'Document Date': '12-Oct-2025', ...doc, 'Value of supplies made': 1575, 'Place Of Supply': '07-Delhi', 'Taxable Value': 1500 });
  for (const taxable of [30000, 18000.5]) {
    push('ecob2c', { ...supplier, 'Place Of Supply': '27-Maharashtra', 'Taxable Value': taxable, Rate: 5, 'Cess Amount': '' });
  }
  push('ecourp2c', { 'Place Of Supply': '29-Karnataka', 'Taxable Value': 12000, Rate: 5, 'Cess Amount': '' });
  // Table 12, line by line, taxed by the supplier's State (an unregistered supplier's is taken to be
  // the operator's); 18000.50 does not tax exactly (450.0125 each), summed with 30000 it rounds as
  // Table 15 does: 1200.01 each
  const meal = (taxable: number, inter: boolean, tab: Tab) => {
    const txval = paise(taxable);
    const t = computeTax(txval, 5, inter);
    const inexact = (txval * 5) % (inter ? 100 : 200) !== 0;
    bookHsn(tab, line(RESTAURANT, 0, 5, taxable), { txval, iamt: t.iamt ?? 0, camt: t.camt ?? 0, samt: t.samt ?? 0, csamt: 0 }, 1, 100, inexact);
  };
  meal(4000, false, 'b2b');
  meal(2000, false, 'b2b');
  meal(1500, true, 'b2b');
  meal(48000.5, false, 'b2c');
  meal(12000, true, 'b2c');
  push('ecoab2b', {
    ...supplier, ...pune, 'Original Document Number': 'KC/087', 'Original Document Date': '20-Sep-2025', 'Revised Document Number': 'KC/087A',
    'Revised Document Date': '20-Sep-2025', 'Value of supplies made': 2100, 'Place Of Supply': '27-Maharashtra', 'Document type': 'Regular', Rate: 5, 'Taxable Value': 2000, 'Cess Amount': '',
  });
  push('ecoab2c', { 'Financial Year': '2025-26', 'Original Month': 'SEPTEMBER', ...supplier, 'Place Of Supply': '27-Maharashtra', Rate: 5, 'Taxable Value': 25000, 'Cess Amount': '' });
  push('ecoaurp2b', {
    ...yamuna, 'Original Document Number': 'HS/41', 'Original Document Date': '15-Sep-2025', 'Revised Document Number': 'HS/41',
    'Revised Document Date': '15-Sep-2025', 'Value of supplies made': 1050, 'Document type': 'Regular', 'Place Of Supply': '07-Delhi', Rate: 5, 'Taxable Value': 1000, 'Cess Amount': '',
  });
  push('ecoaurp2c', { 'Financial Year': '2025-26', 'Original Month': 'AUGUST', 'Place Of Supply': '29-Karnataka', Rate: 5, 'Taxable Value': 8000, 'Cess Amount': '' });
}
table15Rows();

// ---- 12: HSN summary, from the lines above
const master = new Map<string, string>(
  (JSON.parse(readFileSync(join(ROOT, 'data/hsn-master.json'), 'utf8')) as { data: { c: string; n: string }[] }).data.map((x) => [x.c, x.n]),
);
for (const tab of ['b2b', 'b2c'] as const) {
  const accs = [...hsn.values()].filter((a) => a.tab === tab).sort((a, b) => a.item.hsn.localeCompare(b.item.hsn) || a.rate - b.rate);
  for (const a of accs) {
    const where = `hsn(${tab}) ${a.item.hsn} @ ${a.rate}`;
    check(master.has(a.item.hsn), `${where}: not in the GSTN HSN master`);
    const service = a.item.hsn.startsWith('99');
    check(service ? a.item.uqc === 'NA' && a.qty === 0 : a.item.uqc !== 'NA', `${where}: UQC/quantity`);
    const tax = a.iamt + a.camt + a.samt;
    const full = Math.round((a.txval * a.rate) / 100);
    check(a.reduced ? Math.abs(full - tax) <= 1000 : Math.abs(full - tax) <= 2 * a.inexact, `${where}: tax ${formatPaise(tax)} is not taxable x rate (${formatPaise(full)})`);
    check(a.txval > 0 && a.qty >= 0, `${where}: net value must stay positive`);
    push(tab === 'b2b' ? 'hsnb2b' : 'hsnb2c', {
      HSN: a.item.hsn, Description: a.item.desc, 'Description as per HSN Code': master.get(a.item.hsn) ?? '', UQC: a.item.uqc,
      'Total Quantity': rupees(a.qty), 'Total Value': rupees(a.txval + tax + a.csamt), Rate: a.rate, 'Taxable Value': rupees(a.txval),
      'Integrated Tax Amount': rupees(a.iamt), 'Central Tax Amount': rupees(a.camt), 'State/UT Tax Amount': rupees(a.samt),
      'Cess Amount': a.csamt ? rupees(a.csamt) : '',
    });
  }
}

// ---- cross-checks
for (const p of GSTINS) check(gstinCheckChar(p.gstin.slice(0, 14)) === p.gstin[14], `GSTIN ${p.gstin}`);
const suffix = (s: string) => Number(/(\d+)$/.exec(s)![1]);
const prefix = (s: string) => s.replace(/\d+$/, '');
for (const u of usedNumbers) {
  const d = DOCS.find((x) => x.series === u.series && prefix(x.from) === prefix(u.num));
  check(!!d && suffix(u.num) >= suffix(d.from) && suffix(u.num) <= suffix(d.to), `${u.num} is outside the Table 13 series`);
  check(u.num.length <= 16 && /^[A-Za-z0-9/-]+$/.test(u.num), `${u.num}: document number format`);
}
for (const d of DOCS) check(d.total === suffix(d.to) - suffix(d.from) + 1 && d.cancelled <= d.total, `docs ${d.from}: counts`);
for (const [sheet, header] of [['b2ba', 'Revised Invoice date'], ['cdnra', 'Revised Note Date'], ['cdnura', 'Revised Note Date'], ['b2cla', 'Revised Invoice date'], ['expa', 'Revised Invoice date']] as const) {
  const orig = header.replace('Revised', 'Original');
  for (const r of rows.get(sheet) ?? []) {
    check(isoOf(String(r[header])) <= monthEnd(String(r[orig])), `${sheet}: revised date after the original period`);
    check(isoOf(String(r[orig])) < periodFirstDay(PERIOD), `${sheet}: amends a document of this period`);
  }
}
/** Amendment values must be what the documents say (they are typed, not computed). */
for (const sheet of ['b2ba', 'b2cla', 'cdnra', 'cdnura', 'expa'] as const) {
  const byDoc = new Map<string, { val: number; sum: number }>();
  for (const r of rows.get(sheet) ?? []) {
    const key = String(r['Revised Invoice Number'] ?? r['Revised Note Number']);
    const inter = !('Place Of Supply' in r) || stateOf(String(r['Place Of Supply'] ?? '')) !== OWN_STATE;
    const t = computeTax(paise(Number(r['Taxable Value'])), Number(r.Rate), inter);
    const d = byDoc.get(key) ?? { val: paise(Number(r['Invoice Value'] ?? r['Note Value'])), sum: 0 };
    d.sum += paise(Number(r['Taxable Value'])) + (t.iamt ?? 0) + (t.camt ?? 0) + (t.samt ?? 0);
    byDoc.set(key, d);
  }
  for (const [k, d] of byDoc) check(d.val === d.sum, `${sheet} ${k}: value ${formatPaise(d.val)} ≠ ${formatPaise(d.sum)}`);
}

// ================================================================ output

/** Cells as typed → the values the converter reads (so the workbook holds real dates and numbers). */
function toValues(sheet: SheetId, row: Row): Partial<FieldValues> {
  const out: Partial<Record<Field, unknown>> = {};
  for (const col of sheetSpec(sheet).columns) {
    // tax amounts the official template leaves out (ColumnSpec.extra): the sample does not carry them
    if (col.extra) continue;
    if (!(col.header in row)) throw new Error(`${sheet}: no value for "${col.header}"`);
    const cell = row[col.header]!;
    if (cell === '') continue;
    const r = coerceCell(col.field, cell);
    if (!r.ok || r.flag) throw new Error(`${sheet}: "${col.header}" = ${String(cell)} does not read (${r.ok ? r.flag : r.code})`);
    out[col.field] = r.value;
  }
  for (const h of Object.keys(row)) if (!sheetSpec(sheet).columns.some((c) => c.header === h)) throw new Error(`${sheet}: unknown column ${h}`);
  return out as Partial<FieldValues>;
}

/** Indian digit grouping, as people type amounts: 1,00,000.50 */
export function indianGrouping(p: number): string {
  const [int, frac] = formatPaise(p).split('.') as [string, string];
  const neg = int.startsWith('-');
  const d = neg ? int.slice(1) : int;
  const grouped = d.length <= 3 ? d : `${d.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${d.slice(-3)}`;
  return `${neg ? '-' : ''}${grouped}.${frac}`;
}

/** CSV text of a cell: amounts of a lakh and more with Indian grouping, the rest as typed. */
function csvCell(field: Field, cell: Cell): string {
  if (typeof cell !== 'number') return cell;
  if (FIELD_KINDS[field] === 'money' && Math.abs(cell) >= 100000) return indianGrouping(paise(cell));
  return String(cell);
}

export async function generateSample(): Promise<{ xlsx: string; csvDir: string; rows: Record<string, number> }> {
  if (problems.length) throw new Error(`the sample breaks its own checks:\n  ${problems.join('\n  ')}`);
  const sheets = templateSheetIds(PERIOD);
  for (const id of sheets) if (!rows.get(id)?.length) throw new Error(`sheet ${sheetName(id)} has no rows`);
  const values = new Map(sheets.map((id) => [id, rows.get(id)!.map((r) => toValues(id, r))]));

  await mkdir(dirname(SAMPLE_XLSX), { recursive: true });
  await writeTemplateWorkbook(SAMPLE_XLSX, {
    period: PERIOD,
    rows: (id) => values.get(id) ?? [],
    help: helpLines(sheets.map((s) => sheetSpec(s)), [
      `Sample return: ${SUPPLIER.name}, GSTIN ${SUPPLIER.gstin}, period October 2025 (${formatPeriod(PERIOD)}). All parties are fictitious.`,
      `Try: npx gstr1 convert templates/sample/gstr1-sample.xlsx --gstin ${SUPPLIER.gstin} --period ${formatPeriod(PERIOD)} --out gstr1.json`,
    ]),
  });

  await mkdir(SAMPLE_CSV_DIR, { recursive: true });
  for (const f of await readdir(SAMPLE_CSV_DIR)) if (f.endsWith('.csv')) await rm(join(SAMPLE_CSV_DIR, f));
  const counts: Record<string, number> = {};
  for (const id of sheets) {
    const cols = sheetSpec(id).columns.filter((c) => !c.extra);
    const headers = cols.map((c) => c.header);
    const data = rows.get(id)!.map((r) => cols.map((c) => csvCell(c.field, r[c.header]!)));
    await writeFile(join(SAMPLE_CSV_DIR, `${sheetName(id)}.csv`), `${Papa.unparse([headers, ...data], { newline: '\r\n' })}\r\n`);
    counts[sheetName(id)] = data.length;
  }
  return { xlsx: SAMPLE_XLSX, csvDir: SAMPLE_CSV_DIR, rows: counts };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const res = await generateSample();
  const total = Object.values(res.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(`Wrote ${res.xlsx} and ${Object.keys(res.rows).length} CSVs in ${res.csvDir} (${total} rows)\n`);
  for (const [s, n] of Object.entries(res.rows)) process.stdout.write(`  ${s.padEnd(10)} ${n}\n`);
}
