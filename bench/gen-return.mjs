#!/usr/bin/env node
// gen-return.mjs — a synthetic but realistic whole GSTR-1 return, in the official template layout.
//
// Derived from /work/shared/bench/gen-b2b.mjs (same PRNG, GSTIN check characters, recipients, rates and
// log-normal amounts), extended from the b2b sheet to a large taxpayer's whole return:
//
//   sheet        share of the N document lines   what
//   b2b,sez,de   82 %   invoices to registered buyers, 1-5 lines (one per rate), skewed toward a few big customers
//   b2cl          5 %   inter-State invoices to unregistered buyers above Rs 1 lakh (the limit from August 2024)
//   b2cs          5 %   B2C (small) rows, Type OE, mostly intra-State, invoice-level rows (an ERP export)
//   cdnr          5 %   credit (85 %) and debit notes to the b2b recipients
//   exp           3 %   export invoices, WPAY (IGST paid) or WOPAY (under LUT, rate 0), most with a shipping bill
//   hsn(b2b)   +rows    the HSN summary of b2b and cdnr: one row per HSN × UQC × rate, a few hundred rows
//   hsn(b2c)   +rows    the same for b2cl, b2cs and exp
//
// Every document line carries an HSN code (codes that exist in data/hsn-master.json, goods with a goods UQC, services
// 99… with NA and quantity 0), and the HSN tabs are the exact sums of the documents: taxable value, IGST for the
// inter-State part and CGST = SGST for the intra-State part, each = taxable × rate rounded half-up to the paisa.
// So by default the return is valid: validate reports no errors and no warnings.
//
// Deterministic for a given --seed: each sheet has its own PRNG stream, generated twice (a first pass computes the
// row-3 summary block, the second writes). The xlsx is written with exceljs's streaming WorkbookWriter, one sheet
// after the other (a second open sheet would be buffered in memory), yielding to the event loop every 100 rows
// (the writer has no backpressure). Needs exceljs (resolved from this file's folder upward, so keep it in the project).
//
//   node bench/gen-return.mjs --lines 100000 --out bench/out/ret-100000
//       -> bench/out/ret-100000.xlsx, bench/out/ret-100000-csv/{b2b,sez,de.csv, b2cl.csv, ..., hsn(b2c).csv},
//          bench/out/ret-100000.manifest.json (rows per sheet, totals, options)
//   node bench/gen-return.mjs --lines 20000 --out /tmp/x --formats xlsx --errors 0.01 --errors-log /tmp/x.defects.json
//
// Options
//   --lines N           document lines (all sheets but hsn) to write (default 10000; "100k" works)
//   --out PATH          output path without extension (default ./ret-<lines>)
//   --formats LIST      xlsx,csv (default both)
//   --seed N            PRNG seed (default 42)
//   --period MMYYYY     return period (default 102025); every document date falls in this month
//   --gstin GSTIN       supplier GSTIN (default 27AAACR5055K1Z7; its state decides intra/inter-State)
//   --date-mode M       xlsx only: "date" = Excel date cells with numFmt dd-mmm-yyyy (default), "text" = "05-Oct-2025"
//   --inline-strings    xlsx only: inline strings instead of a sharedStrings table (default: shared strings,
//                       which exceljs writes after the sheets, as Excel does)
//   --errors RATE       fraction of rows given one deliberate defect (default 0); see DEFECTS below
//   --errors-log PATH   write the planted defects as JSON [{sheet, row, col, kind}] (row = xlsx row; the CSV
//                       line is row - 3, counting its header as line 1)
//
// xlsx layout of every sheet (spec gstr1-format.md §2): row 1 the template's title, row 2 summary labels, row 3 the
// summary values (numbers, not formulas), row 4 the exact headers of src/model/sheets.ts, data from row 5.
// CSV layout: the header row then the data; dates dd-MMM-yyyy, money as 2-dp text, CRLF line ends.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const GENERATOR_VERSION = 1;
/** Hash of this file and the HSN master: outputs cached by bench/run.mjs are regenerated when either changes. */
export function sourceHash(hsnMaster = path.join(HERE, '..', 'data', 'hsn-master.json')) {
  const h = createHash('sha1').update(fs.readFileSync(fileURLToPath(import.meta.url)));
  if (fs.existsSync(hsnMaster)) h.update(fs.readFileSync(hsnMaster));
  return h.digest('hex').slice(0, 12);
}

export const SUPPLIER_GSTIN = '27AAACR5055K1Z7';
export const DEFAULT_PERIOD = '102025';

/** Row-4 headers, exactly as in src/model/sheets.ts (test/memory.test.ts checks they still match). */
const HSN_HEADERS = [
  'HSN', 'Description', 'Description as per HSN Code', 'UQC', 'Total Quantity', 'Total Value', 'Rate',
  'Taxable Value', 'Integrated Tax Amount', 'Central Tax Amount', 'State/UT Tax Amount', 'Cess Amount',
];
export const SHEETS = [
  {
    name: 'b2b,sez,de', id: 'b2b', share: 0.82, title: 'Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)',
    headers: ['GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply',
      'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN', 'Rate', 'Taxable Value', 'Cess Amount'],
    widths: [22, 30, 18, 14, 14, 26, 10, 12, 30, 22, 8, 14, 12],
    summary: [['A', 'No. of Recipients', 'parties'], ['C', 'No. of Invoices', 'docs'], ['E', 'Total Invoice Value', 'docValue'],
      ['L', 'Total Taxable Value', 'taxable'], ['M', 'Total Cess', 'cess']],
  },
  {
    name: 'b2cl', id: 'b2cl', share: 0.05, title: 'Summary For B2CL(5)',
    headers: ['Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply', 'Applicable % of Tax Rate', 'Rate',
      'Taxable Value', 'Cess Amount', 'E-Commerce GSTIN'],
    widths: [18, 14, 14, 26, 12, 8, 14, 12, 22],
    summary: [['A', 'No. of Invoices', 'docs'], ['C', 'Total Inv Value', 'docValue'], ['G', 'Total Taxable Value', 'taxable'], ['H', 'Total Cess', 'cess']],
  },
  {
    name: 'b2cs', id: 'b2cs', share: 0.05, title: 'Summary For B2CS(7)',
    headers: ['Type', 'Place Of Supply', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value', 'Cess Amount', 'E-Commerce GSTIN'],
    widths: [8, 26, 12, 8, 14, 12, 22],
    summary: [['E', 'Total Taxable  Value', 'taxable'], ['F', 'Total Cess', 'cess']],
  },
  {
    name: 'cdnr', id: 'cdnr', share: 0.05, title: 'Summary For CDNR(9B)',
    headers: ['GSTIN/UIN of Recipient', 'Receiver Name', 'Note Number', 'Note Date', 'Note Type', 'Place Of Supply', 'Reverse Charge',
      'Note Supply Type', 'Note Value', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value', 'Cess Amount'],
    widths: [22, 30, 18, 14, 10, 26, 10, 30, 14, 12, 8, 14, 12],
    summary: [['A', 'No. of Recipients', 'parties'], ['C', 'No. of Notes', 'docs'], ['I', 'Total Note Value', 'docValue'],
      ['L', 'Total Taxable Value', 'taxable'], ['M', 'Total Cess', 'cess']],
  },
  {
    name: 'exp', id: 'exp', share: 0.03, title: 'Summary For EXP(6)',
    headers: ['Export Type', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Port Code', 'Shipping Bill Number', 'Shipping Bill Date',
      'Rate', 'Taxable Value', 'Cess Amount'],
    widths: [10, 18, 14, 14, 10, 14, 14, 8, 14, 12],
    summary: [['B', 'No. of Invoices', 'docs'], ['D', 'Total Invoice Value', 'docValue'], ['F', 'No. of Shipping Bill', 'bills'],
      ['I', 'Total Taxable Value', 'taxable'], ['J', 'Total Cess', 'cess']],
  },
  { name: 'hsn(b2b)', id: 'hsnb2b', tab: 'b2b', title: 'Summary For HSN(12)', headers: HSN_HEADERS },
  { name: 'hsn(b2c)', id: 'hsnb2c', tab: 'b2c', title: 'Summary For HSN(12)', headers: HSN_HEADERS },
];
const HSN_WIDTHS = [10, 30, 40, 18, 14, 16, 8, 16, 16, 16, 16, 12];
const HSN_SUMMARY = [['A', 'No. of HSN', 'rows'], ['F', 'Total Value', 'totalValue'], ['H', 'Total Taxable Value', 'taxable'],
  ['I', 'Total Integrated Tax', 'iamt'], ['J', 'Total Central Tax', 'camt'], ['K', 'Total State/UT Tax', 'samt'], ['L', 'Total Cess', 'cess']];

export const STATES = [
  ['01', 'Jammu & Kashmir'], ['02', 'Himachal Pradesh'], ['03', 'Punjab'], ['04', 'Chandigarh'],
  ['05', 'Uttarakhand'], ['06', 'Haryana'], ['07', 'Delhi'], ['08', 'Rajasthan'], ['09', 'Uttar Pradesh'],
  ['10', 'Bihar'], ['11', 'Sikkim'], ['12', 'Arunachal Pradesh'], ['13', 'Nagaland'], ['14', 'Manipur'],
  ['15', 'Mizoram'], ['16', 'Tripura'], ['17', 'Meghalaya'], ['18', 'Assam'], ['19', 'West Bengal'],
  ['20', 'Jharkhand'], ['21', 'Odisha'], ['22', 'Chhattisgarh'], ['23', 'Madhya Pradesh'], ['24', 'Gujarat'],
  ['26', 'Dadra & Nagar Haveli & Daman & Diu'], ['27', 'Maharashtra'], ['29', 'Karnataka'], ['30', 'Goa'],
  ['31', 'Lakshadweep'], ['32', 'Kerala'], ['33', 'Tamil Nadu'], ['34', 'Puducherry'],
  ['35', 'Andaman & Nicobar Islands'], ['36', 'Telangana'], ['37', 'Andhra Pradesh'], ['38', 'Ladakh'],
  ['97', 'Other Territory'],
];
// rough weights: big commercial states dominate B2B volume
const STATE_WEIGHT = { '27': 18, '29': 10, '33': 9, '07': 9, '24': 9, '09': 7, '36': 6, '06': 6, '19': 5, '08': 4, '32': 3, '37': 3, '23': 3 };

/** GST rates valid for the October 2025 period (40 % from September 2025), weighted toward 18/12/5. */
export const RATES = [0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40];
const RATE_WEIGHT = [2, 0.2, 0.3, 0.3, 0.2, 1, 14, 0.5, 0.3, 18, 55, 8, 0.4];
const INVOICE_TYPES = [
  ['Regular B2B', 94], ['SEZ supplies with payment', 2], ['SEZ supplies without payment', 1.5], ['Deemed Exp', 0.5],
];
const PORTS = ['INNSA1', 'INMAA1', 'INBOM4', 'INMUN1', 'INDEL4', 'INCCU1', 'INBLR4', 'INHZA1', 'INPAV1', 'INTUT1'];

const B36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** GSTIN check character (15th) for the first 14 characters (spec gstr1-format.md §3.1). */
export function gstinCheckChar(first14) {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const v = B36.indexOf(first14[i]);
    const p = v * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return B36[(36 - (sum % 36)) % 36];
}
export function isValidGstin(g) {
  return /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][Z1-9A-J][0-9A-Z]$/.test(g) && gstinCheckChar(g.slice(0, 14)) === g[14];
}

function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function tools(rnd) {
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const weighted = (items, weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = rnd() * total;
    for (let i = 0; i < items.length; i++) { r -= weights[i]; if (r < 0) return items[i]; }
    return items[items.length - 1];
  };
  /** log-normal-ish amount in paise around exp(mu) rupees, at least `min` paise */
  const lognormal = (mu, sigma, min) => Math.max(min, Math.round(Math.exp(mu + sigma * (rnd() + rnd() + rnd() - 1.5)) * 100));
  return { pick, weighted, lognormal };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const fmtDate = (d) => `${String(d.getUTCDate()).padStart(2, '0')}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
const paiseToStr = (p) => (p < 0 ? '-' : '') + Math.floor(Math.abs(p) / 100) + '.' + String(Math.abs(p) % 100).padStart(2, '0');
/** tax on `paise` at `rate` % (× `share`/1, e.g. 1/2 for each of CGST/SGST), rounded half-up to the paisa */
const taxPaise = (paise, rate, halves = 1) => {
  const bp = Math.round(rate * 100); // basis points
  const n = paise * bp;
  const d = 10000 * halves;
  return n >= 0 ? Math.floor((n + d / 2) / d) : -Math.floor((-n + d / 2) / d);
};

/** Money cell: paise, written as a number of rupees in xlsx and as 2-dp text in CSV. */
class Money { constructor(p) { this.p = p; } }
const M = (p) => new Money(p);

// ---------------------------------------------------------------------------------------------------------------
// The "world": supplier, recipients, HSN catalogue. Built from its own PRNG stream.

const UQC_LABEL = {
  KGS: 'KGS-KILOGRAMS', NOS: 'NOS-NUMBERS', PCS: 'PCS-PIECES', MTR: 'MTR-METERS', LTR: 'LTR-LITRES', MTS: 'MTS-METRIC TON',
  BOX: 'BOX-BOX', BTL: 'BTL-BOTTLES', SET: 'SET-SETS', PRS: 'PRS-PAIRS', SQM: 'SQM-SQUARE METERS', ROL: 'ROL-ROLLS',
  TON: 'TON-TONNES', KLR: 'KLR-KILOLITRE', DOZ: 'DOZ-DOZENS', BAG: 'BAG-BAGS', NA: 'NA',
};
/** plausible UQCs and unit prices (Rs) by HSN chapter */
function goodsUnit(chapter) {
  if (chapter <= 24) return [['KGS', 'BAG', 'BOX'], 40, 400];
  if (chapter <= 27) return [['MTS', 'KLR', 'KGS'], 3000, 60000];
  if (chapter === 30) return [['BOX', 'NOS', 'BTL'], 50, 2000];
  if (chapter <= 38) return [['KGS', 'LTR', 'KGS'], 80, 2500];
  if (chapter <= 40) return [['KGS', 'NOS', 'ROL'], 60, 1500];
  if (chapter <= 49) return [['KGS', 'NOS', 'BOX'], 30, 800];
  if (chapter <= 63) return [['MTR', 'KGS', 'PCS', 'PRS'], 80, 1200];
  if (chapter <= 70) return [['NOS', 'SQM', 'BOX'], 100, 3000];
  if (chapter <= 71) return [['NOS'], 20000, 300000];
  if (chapter <= 83) return [['KGS', 'MTS', 'NOS'], 60, 5000];
  if (chapter <= 85) return [['NOS', 'SET', 'PCS'], 500, 80000];
  if (chapter <= 89) return [['NOS', 'SET'], 800, 500000];
  return [['NOS', 'PCS', 'SET'], 100, 20000];
}

function buildWorld(o) {
  const rnd = mulberry32((o.seed ^ 0x5eed1234) >>> 0);
  const [py, pm] = [Number(o.period.slice(2)), Number(o.period.slice(0, 2))];
  // 40 % exists from the September 2025 period (56th GST Council)
  const rates = RATES.filter((r) => r !== 40 || py * 100 + pm >= 202509);
  const rateW = rates.map((r) => RATE_WEIGHT[RATES.indexOf(r)]);
  const { pick, weighted } = tools(rnd);
  const stateW = STATES.map(([c]) => STATE_WEIGHT[c] ?? 0.6);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const L = () => letters[Math.floor(rnd() * 26)];
  const D = () => String(Math.floor(rnd() * 10));
  const panType = () => weighted(['C', 'F', 'P', 'H', 'A', 'T', 'L'], [60, 15, 15, 4, 2, 2, 2]);
  const mkGstin = (state) => {
    for (;;) {
      const pan = L() + L() + L() + panType() + L() + D() + D() + D() + D() + L();
      const entity = rnd() < 0.9 ? '1' : pick('23456789A'.split(''));
      const first14 = state + pan + entity + 'Z';
      const g = first14 + gstinCheckChar(first14);
      if (g !== o.gstin) return g;
    }
  };
  const W1 = ['Shree', 'Sai', 'Om', 'Bharat', 'Ganesh', 'Lakshmi', 'Sri', 'Balaji', 'Krishna', 'Mahalaxmi', 'Vinayak', 'Jai', 'Royal', 'National', 'Global', 'Modern', 'Apex', 'Sunrise', 'Everest', 'Kaveri', 'Narmada', 'Deccan', 'Coastal', 'Western', 'Eastern'];
  const W2 = ['Traders', 'Enterprises', 'Industries', 'Agencies', 'Distributors', 'Steel', 'Textiles', 'Pharma', 'Polymers', 'Electricals', 'Logistics', 'Foods', 'Chemicals', 'Auto Parts', 'Hardware', 'Packaging', 'Infra', 'Exports', 'Solutions', 'Marketing'];
  const W3 = ['', '', ' Pvt Ltd', ' Private Limited', ' LLP', ' & Co', ' & Sons', ' Limited', ' (India) Pvt. Ltd.'];
  const b2bLines = Math.round(o.lines * SHEETS[0].share);
  const nRecipients = Math.max(50, Math.min(20000, Math.round(b2bLines / 25)));
  const recipients = [];
  for (let i = 0; i < nRecipients; i++) {
    const [code, name] = weighted(STATES, stateW);
    recipients.push({ gstin: mkGstin(code), name: `${pick(W1)} ${pick(W2)}${pick(W3)}`, pos: `${code}-${name}`, state: code });
  }

  // HSN catalogue: ~240 goods codes (8 digits) and ~40 services (SAC 99xxxx), all from the GSTN master,
  // each with one rate, one UQC and a unit price. Lines pick a rate first, then an HSN of that rate.
  const master = JSON.parse(fs.readFileSync(o.hsnMaster, 'utf8')).data;
  const goods = master.filter((x) => x.c.length === 8 && !x.c.startsWith('99') && /^\d+$/.test(x.c));
  const services = master.filter((x) => x.c.length === 6 && x.c.startsWith('99'));
  const catalogue = [];
  const used = new Set();
  const take = (list, n, service) => {
    while (n > 0) {
      const e = pick(list);
      if (used.has(e.c)) continue;
      used.add(e.c); n--;
      const rate = service ? weighted([18, 5, 12, 28, 0], [80, 6, 8, 1, 5]) : weighted(rates, rateW);
      const [uqcs, lo, hi] = service ? [['NA'], 0, 0] : goodsUnit(Number(e.c.slice(0, 2)));
      const uqc = pick(uqcs);
      const unitPaise = service ? 0 : Math.round((lo + rnd() * (hi - lo)) * 100);
      const desc = e.n.replace(/\s+/g, ' ').trim();
      catalogue.push({ hsn: e.c, master: desc.slice(0, 250), desc: desc.slice(0, 30).trim(), uqc, unitPaise, rate, service });
    }
  };
  take(goods, Math.round(240 * o.hsnScale), false);
  take(services, Math.round(40 * o.hsnScale), true);
  // every rate needs codes: give each rate at least two goods codes
  for (const r of rates) {
    for (let k = catalogue.filter((c) => c.rate === r).length; k < 2; k++) {
      const n0 = catalogue.length; take(goods, 1, false); catalogue[n0].rate = r;
    }
  }
  const byRate = new Map(rates.map((r) => [r, catalogue.filter((c) => c.rate === r)]));
  const goodsOnly = catalogue.filter((c) => !c.service);
  const fy = pm >= 4 ? py : py - 1;
  return {
    rates, rateW,
    recipients, catalogue, byRate, goodsOnly,
    supplierState: o.gstin.slice(0, 2),
    year: py, month: pm, daysInMonth: new Date(Date.UTC(py, pm, 0)).getUTCDate(),
    fyTag: `${String(fy % 100).padStart(2, '0')}-${String((fy + 1) % 100).padStart(2, '0')}`,
    posByCode: Object.fromEntries(STATES.map(([c, n]) => [c, `${c}-${n}`])),
    stateW,
    /** HSN tabs: key `hsn|uqc|rate` → sums (paise, quantity in hundredths) */
    hsnTabs: { b2b: new Map(), b2c: new Map() },
    /** b2b keys in first-use order, for credit/debit notes */
    b2bKeys: [],
  };
}

/** Picks an HSN for a line at `rate` (skewed toward the first codes: a few products sell most). */
function hsnFor(w, rnd, rate, goodsOnly = false) {
  let list = w.byRate.get(rate);
  if (goodsOnly) list = list.filter((c) => !c.service);
  if (!list.length) list = w.goodsOnly;
  return list[Math.floor(Math.pow(rnd(), 1.4) * list.length)];
}
/** quantity (hundredths) for a line of `paise` of `item` */
function qtyFor(item, paise, rnd) {
  if (item.service) return 0;
  const units = paise / item.unitPaise;
  return units >= 20 ? Math.round(units) * 100 : Math.max(1, Math.round(units * 100 * (0.9 + rnd() * 0.2)));
}
/** An HSN contribution, applied to the tab once the row is written (not in the summary pass). */
function hsnPart(tab, item, rate, paise, inter, cess, qty, sign = 1) {
  return { tab, item, rate, paise: sign * paise, inter, cess: sign * cess, qty: sign * qty };
}
function addHsn(w, h) {
  const key = `${h.item.hsn}|${h.item.uqc}|${h.rate}`;
  const tab = w.hsnTabs[h.tab];
  let s = tab.get(key);
  if (!s) {
    tab.set(key, (s = { item: h.item, rate: h.rate, inter: 0, intra: 0, cess: 0, qty: 0 }));
    if (h.tab === 'b2b') w.b2bKeys.push(s);
  }
  if (h.inter) s.inter += h.paise; else s.intra += h.paise;
  s.cess += h.cess;
  s.qty += h.qty;
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet streams. Each yields { cells, doc?, party?, docValue?, taxable, cess, bills?, hsn: [parts] }.

function* b2bRows(w, o, n, rnd) {
  const { pick, weighted, lognormal } = tools(rnd);
  const series = ['INV', 'TI', 'GST', 'MH'];
  let row = 0, seq = 0;
  while (row < n) {
    seq++;
    const rec = w.recipients[Math.floor(Math.pow(rnd(), 1.6) * w.recipients.length)]; // a few big customers
    let invType = weighted(INVOICE_TYPES.map((t) => t[0]), INVOICE_TYPES.map((t) => t[1]));
    let pos = rec.pos;
    if (rnd() < 0.04) pos = w.posByCode[weighted(STATES, w.stateW)[0]]; // goods shipped elsewhere
    let reverse = rnd() < 0.02 ? 'Y' : 'N';
    if (invType === 'Regular B2B' && pos.startsWith(w.supplierState + '-') && rnd() < 0.01) { invType = 'Intra-State supplies attracting IGST'; reverse = 'Y'; }
    // the Offline Tool refuses reverse charge on deemed exports and SEZ supplies (validateNoteSupplyType)
    if (invType === 'Deemed Exp' || invType.startsWith('SEZ')) reverse = 'N';
    const date = new Date(Date.UTC(w.year, w.month - 1, 1 + Math.floor(rnd() * w.daysInMonth)));
    const invNo = `${pick(series)}/${w.fyTag}/${String(seq).padStart(6, '0')}`; // <= 16 chars
    const nLines = Math.min(n - row, weighted([1, 2, 3, 4, 5], [55, 25, 11, 6, 3]));
    const inter = invType !== 'Regular B2B' && invType !== 'Deemed Exp' ? true : !pos.startsWith(w.supplierState + '-');
    const lines = [];
    const usedRates = new Set();
    for (let k = 0; k < nLines; k++) {
      let rate = invType === 'SEZ supplies without payment' ? 0 : weighted(w.rates, w.rateW);
      if (usedRates.has(rate)) rate = w.rates.find((r) => !usedRates.has(r)) ?? rate; // one line per rate per invoice
      usedRates.add(rate);
      const item = hsnFor(w, rnd, rate);
      const taxable = lognormal(8.5, 2.1, 5000); // Rs 50 .. ~Rs 50 lakh
      const cess = rate === 28 && invType !== 'SEZ supplies without payment' && rnd() < 0.25 ? Math.round(taxable * pick([1, 3, 12, 15, 22]) / 100) : 0;
      lines.push({ rate, taxable, cess, item, qty: qtyFor(item, taxable, rnd) });
    }
    let invValue = 0;
    for (const l of lines) invValue += l.taxable + taxPaise(l.taxable, l.rate) + l.cess;
    for (const l of lines) {
      row++;
      yield {
        cells: [rec.gstin, rec.name, invNo, date, M(invValue), pos, reverse, null, invType, null, l.rate, M(l.taxable), M(l.cess)],
        doc: invNo, party: rec.gstin, docValue: invValue, taxable: l.taxable, cess: l.cess,
        hsn: [hsnPart('b2b', l.item, l.rate, l.taxable, inter, l.cess, l.qty)],
      };
    }
  }
}

function* b2clRows(w, o, n, rnd) {
  const { weighted, lognormal } = tools(rnd);
  const interStates = STATES.filter(([c]) => c !== w.supplierState);
  const interW = interStates.map(([c]) => STATE_WEIGHT[c] ?? 0.6);
  let row = 0, seq = 0;
  while (row < n) {
    seq++;
    const pos = w.posByCode[weighted(interStates, interW)[0]];
    const date = new Date(Date.UTC(w.year, w.month - 1, 1 + Math.floor(rnd() * w.daysInMonth)));
    const invNo = `RT/${w.fyTag}/${String(seq).padStart(6, '0')}`;
    const nLines = Math.min(n - row, weighted([1, 2, 3], [70, 22, 8]));
    const lines = [];
    const usedRates = new Set();
    for (let k = 0; k < nLines; k++) {
      let rate = weighted(w.rates, w.rateW);
      if (usedRates.has(rate)) rate = w.rates.find((r) => !usedRates.has(r)) ?? rate;
      usedRates.add(rate);
      const item = hsnFor(w, rnd, rate);
      lines.push({ rate, taxable: lognormal(11.8, 1.0, 5000), cess: 0, item });
    }
    let invValue = 0;
    for (const l of lines) invValue += l.taxable + taxPaise(l.taxable, l.rate) + l.cess;
    if (invValue <= 1_00_000_00) { // B2CL is strictly above Rs 1 lakh; below it the sale belongs in b2cs
      lines[0].taxable += 1_00_000_00 - invValue + 100_00 + Math.floor(rnd() * 50_000_00);
      invValue = 0;
      for (const l of lines) invValue += l.taxable + taxPaise(l.taxable, l.rate) + l.cess;
    }
    for (const l of lines) {
      row++;
      l.qty = qtyFor(l.item, l.taxable, rnd);
      yield {
        cells: [invNo, date, M(invValue), pos, null, l.rate, M(l.taxable), M(l.cess), null],
        doc: invNo, docValue: invValue, taxable: l.taxable, cess: l.cess,
        hsn: [hsnPart('b2c', l.item, l.rate, l.taxable, true, l.cess, l.qty)],
      };
    }
  }
}

function* b2csRows(w, o, n, rnd) {
  const { weighted, lognormal } = tools(rnd);
  for (let row = 0; row < n; row++) {
    // mostly sales in the supplier's own state; the rest are small inter-State sales
    const code = rnd() < 0.8 ? w.supplierState : weighted(STATES, w.stateW)[0];
    const pos = w.posByCode[code];
    const rate = weighted(w.rates, w.rateW);
    const item = hsnFor(w, rnd, rate);
    const taxable = lognormal(8.2, 1.4, 1000);
    const qty = qtyFor(item, taxable, rnd);
    yield {
      cells: ['OE', pos, null, rate, M(taxable), M(0), null],
      taxable, cess: 0,
      hsn: [hsnPart('b2c', item, rate, taxable, code !== w.supplierState, 0, qty)],
    };
  }
}

function* cdnrRows(w, o, n, rnd) {
  const { weighted, lognormal } = tools(rnd);
  let row = 0, seq = 0;
  while (row < n) {
    seq++;
    const rec = w.recipients[Math.floor(Math.pow(rnd(), 1.6) * w.recipients.length)];
    const credit = rnd() < 0.85;
    const supplyType = rnd() < 0.97 ? 'Regular B2B' : 'SEZ supplies with payment';
    const pos = rec.pos;
    const inter = supplyType !== 'Regular B2B' || !pos.startsWith(w.supplierState + '-');
    const date = new Date(Date.UTC(w.year, w.month - 1, 1 + Math.floor(rnd() * w.daysInMonth)));
    const noteNo = `${credit ? 'CN' : 'DN'}/${w.fyTag}/${String(seq).padStart(6, '0')}`;
    const nLines = Math.min(n - row, weighted([1, 2, 3], [75, 18, 7]));
    const lines = [];
    const usedRates = new Set();
    for (let k = 0; k < nLines; k++) {
      // notes adjust what was invoiced: take an HSN × rate already sold to registered buyers
      const key = w.b2bKeys.length ? w.b2bKeys[Math.floor(Math.pow(rnd(), 1.4) * w.b2bKeys.length)] : null;
      let rate = key ? key.rate : 18;
      let item = key ? key.item : hsnFor(w, rnd, rate);
      if (usedRates.has(rate)) continue; // one line per rate per note
      usedRates.add(rate);
      if (rate === 0 && supplyType !== 'Regular B2B') { rate = 18; item = hsnFor(w, rnd, 18); }
      const taxable = lognormal(7.4, 1.6, 5000);
      lines.push({ rate, taxable, cess: 0, item, qty: qtyFor(item, taxable, rnd) });
    }
    let value = 0;
    for (const l of lines) value += l.taxable + taxPaise(l.taxable, l.rate) + l.cess;
    for (const l of lines) {
      row++;
      yield {
        cells: [rec.gstin, rec.name, noteNo, date, credit ? 'C' : 'D', pos, 'N', supplyType, M(value), null, l.rate, M(l.taxable), M(l.cess)],
        doc: noteNo, party: rec.gstin, docValue: value, taxable: l.taxable, cess: l.cess,
        hsn: [hsnPart('b2b', l.item, l.rate, l.taxable, inter, l.cess, l.qty, credit ? -1 : 1)],
      };
    }
  }
}

function* expRows(w, o, n, rnd) {
  const { pick, weighted, lognormal } = tools(rnd);
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  let row = 0, seq = 0, sb = 4_100_000 + Math.floor(rnd() * 1_000_000);
  while (row < n) {
    seq++;
    const wpay = rnd() < 0.55;
    const day = 1 + Math.floor(rnd() * w.daysInMonth);
    const date = new Date(Date.UTC(w.year, w.month - 1, day));
    const invNo = `EXP/${w.fyTag}/${String(seq).padStart(6, '0')}`; // 16 chars
    const hasBill = rnd() < 0.85;
    const port = hasBill || rnd() < 0.5 ? pick(PORTS) : null;
    let sbDate = null;
    if (hasBill) {
      sb += 1 + Math.floor(rnd() * 40);
      sbDate = new Date(Math.min(today, date.getTime() + Math.floor(rnd() * 7) * 86400000));
    }
    const nLines = Math.min(n - row, weighted([1, 2, 3], [60, 28, 12]));
    const lines = [];
    const usedRates = new Set();
    for (let k = 0; k < nLines; k++) {
      // WOPAY (under LUT/bond): no IGST, reported at rate 0; WPAY: IGST at the goods' rate
      let rate = wpay ? weighted([5, 12, 18, 28], [25, 25, 45, 5]) : 0;
      if (usedRates.has(rate)) { if (!wpay) break; rate = [5, 12, 18, 28].find((r) => !usedRates.has(r)) ?? rate; }
      usedRates.add(rate);
      const item = wpay ? hsnFor(w, rnd, rate, true) : w.goodsOnly[Math.floor(Math.pow(rnd(), 1.4) * w.goodsOnly.length)];
      const taxable = lognormal(12.2, 1.2, 10000);
      lines.push({ rate, taxable, cess: 0, item, qty: qtyFor(item, taxable, rnd) });
    }
    let value = 0;
    for (const l of lines) value += l.taxable + (wpay ? taxPaise(l.taxable, l.rate) : 0);
    for (const l of lines) {
      row++;
      yield {
        cells: [wpay ? 'WPAY' : 'WOPAY', invNo, date, M(value), port, hasBill ? String(sb) : null, sbDate, l.rate, M(l.taxable), M(l.cess)],
        doc: invNo, docValue: value, taxable: l.taxable, cess: 0, bills: hasBill ? `${sb}` : null,
        hsn: [hsnPart('b2c', l.item, l.rate, l.taxable, true, 0, l.qty)],
      };
    }
  }
}

/** HSN rows of one tab, from the sums the document rows left behind. */
function* hsnRows(w, tab) {
  const rows = [...w.hsnTabs[tab].values()].sort((a, b) => a.item.hsn.localeCompare(b.item.hsn) || a.rate - b.rate);
  for (const s of rows) {
    const iamt = taxPaise(s.inter, s.rate);
    const half = taxPaise(s.intra, s.rate, 2);
    const taxable = s.inter + s.intra;
    const qty = s.item.service ? '0' : (s.qty / 100).toFixed(2).replace(/\.00$/, '');
    yield {
      cells: [s.item.hsn, s.item.desc, s.item.master, UQC_LABEL[s.item.uqc] ?? s.item.uqc, s.item.service ? 0 : Number(qty),
        M(taxable + iamt + 2 * half + s.cess), s.rate, M(taxable), M(iamt), M(half), M(half), M(s.cess)],
      taxable, cess: s.cess, iamt, camt: half, samt: half, totalValue: taxable + iamt + 2 * half + s.cess,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Defects (--errors RATE): each is something the validator reports as an error.

const DEFECTS = {
  b2b: [['gstin-checksum', 0], ['bad-date', 3], ['bad-rate', 10], ['negative-taxable', 11], ['missing-pos', 5], ['docnum-format', 2]],
  b2cl: [['bad-date', 1], ['bad-rate', 5], ['negative-taxable', 6], ['b2cl-intra-state', 3], ['b2cl-below-limit', 2]],
  b2cs: [['bad-rate', 3], ['missing-pos', 1], ['b2cs-type-e', 0]],
  cdnr: [['gstin-checksum', 0], ['bad-date', 3], ['bad-rate', 10], ['note-zero-taxable', 11], ['missing-pos', 5]],
  exp: [['bad-date', 2], ['bad-rate', 7], ['bad-port', 4], ['bill-without-date', 6]],
  hsnb2b: [['hsn-not-in-master', 0], ['bad-uqc', 3], ['tax-off', 8], ['service-qty', 4]],
  hsnb2c: [['hsn-not-in-master', 0], ['bad-uqc', 3], ['tax-off', 8], ['service-qty', 4]],
};
const COL = (i) => String.fromCharCode(65 + i);
/** an 8-digit code absent from data/hsn-master.json */
export const HSN_NOT_IN_MASTER = '12345678';

function injectDefect(id, cells, rnd, period) {
  const list = DEFECTS[id];
  const [kind, col] = list[Math.floor(rnd() * list.length)];
  const c = cells.slice();
  switch (kind) {
    case 'gstin-checksum': { const ch = c[0][14]; c[0] = c[0].slice(0, 14) + (ch === '0' ? '1' : '0'); break; }
    case 'bad-date': c[col] = `31-Feb-${period.slice(2)}`; break;
    case 'bad-rate': c[col] = 17; break;
    case 'negative-taxable': c[col] = M(-c[col].p); break;
    case 'note-zero-taxable': c[col] = M(0); break;
    case 'missing-pos': c[col] = null; break;
    case 'docnum-format': c[col] = c[col].replace(/\//g, ' '); break;
    case 'b2cl-intra-state': c[col] = '27-Maharashtra'; break;
    case 'b2cl-below-limit': c[col] = M(50_000_00); break;
    case 'b2cs-type-e': c[col] = 'E'; break;
    case 'bad-port': c[col] = 'IN-NSA1'; break;
    case 'bill-without-date': c[5] = c[5] ?? '4123456'; c[6] = null; break;
    case 'hsn-not-in-master': c[col] = HSN_NOT_IN_MASTER; c[2] = null; break;
    case 'bad-uqc': c[col] = c[3] === 'NA' ? 'KGS-KILOGRAMS' : 'PIECE'; break;
    case 'tax-off': { // Rs 50 more tax than taxable × rate gives (RET91708)
      if (c[8].p !== 0 || c[9].p === 0) { c[8] = M(c[8].p + 5000); return { cells: c, kind, col: 8 }; }
      c[9] = M(c[9].p + 5000); c[10] = M(c[10].p + 5000);
      return { cells: c, kind, col: 9 };
    }
    case 'service-qty': c[col] = String(c[0]).startsWith('99') ? 3 : 1.125; break; // services report 0; at most 2 decimals
  }
  return { cells: c, kind, col };
}

// ---------------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { lines: 10000, out: null, formats: 'xlsx,csv', seed: 42, period: DEFAULT_PERIOD, gstin: SUPPLIER_GSTIN, dateMode: 'date', inlineStrings: false, errors: 0, errorsLog: null, quiet: false };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i], v = () => argv[++i];
    if (a === '--lines' || a === '--rows') o.lines = Number(String(v()).replace(/k$/i, '000').replace(/m$/i, '000000'));
    else if (a === '--out') o.out = v();
    else if (a === '--formats') o.formats = v();
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--period') o.period = v();
    else if (a === '--gstin') o.gstin = v();
    else if (a === '--date-mode') o.dateMode = v();
    else if (a === '--inline-strings') o.inlineStrings = true;
    else if (a === '--errors') o.errors = Number(v());
    else if (a === '--errors-log') o.errorsLog = v();
    else if (a === '--quiet') o.quiet = true;
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n')); process.exit(0); }
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.out) o.out = `ret-${o.lines}`;
  return o;
}

const csvEsc = (s) => (s == null ? '' : /[",\n\r]/.test(s) ? '"' + String(s).replace(/"/g, '""') + '"' : String(s));
function csvCell(v) {
  if (v == null) return '';
  if (v instanceof Money) return paiseToStr(v.p);
  if (v instanceof Date) return fmtDate(v);
  return csvEsc(String(v));
}
function xlsxCell(v, dateMode) {
  if (v instanceof Money) return v.p / 100;
  if (v instanceof Date) return dateMode === 'date' ? v : fmtDate(v);
  return v;
}
const tick = () => new Promise((r) => setImmediate(r));

/**
 * Writes the return. Options: lines (required), out (path without extension), formats ('xlsx,csv' or an array),
 * seed, period ('102025'), gstin, dateMode, inlineStrings, errors (rate), errorsLog, quiet.
 * Resolves to the manifest: { files: {xlsx, csvDir, csv: {sheet: file}}, sheets: {name: rows}, dataRows, documentLines, ... }.
 */
export async function generateReturn(opts) {
  const o = {
    seed: 42, period: DEFAULT_PERIOD, gstin: SUPPLIER_GSTIN, dateMode: 'date', inlineStrings: false, errors: 0, errorsLog: null, quiet: true,
    formats: 'xlsx,csv', hsnMaster: path.join(HERE, '..', 'data', 'hsn-master.json'), ...opts,
  };
  if (!(o.lines > 0)) throw new Error('lines must be a positive number');
  if (!o.out) o.out = `ret-${o.lines}`;
  if (!/^(0[1-9]|1[0-2])20\d\d$/.test(o.period)) throw new Error(`period must be MMYYYY, got ${o.period}`);
  if (Number(o.period.slice(2)) * 100 + Number(o.period.slice(0, 2)) < 202505) {
    throw new Error(`period ${o.period}: the generator writes the hsn(b2b)/hsn(b2c) tabs, which start with the May 2025 period`);
  }
  if (!isValidGstin(o.gstin)) throw new Error(`supplier GSTIN ${o.gstin} is not valid (check character should be ${gstinCheckChar(o.gstin.slice(0, 14))})`);
  o.hsnScale = o.lines >= 5000 ? 1 : 0.25; // tiny returns get a smaller catalogue
  const formats = new Set(Array.isArray(o.formats) ? o.formats : String(o.formats).split(','));
  const t0 = Date.now();
  const out = path.resolve(o.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const csvDir = `${out}-csv`;
  if (formats.has('csv')) { fs.rmSync(csvDir, { recursive: true, force: true }); fs.mkdirSync(csvDir, { recursive: true }); }

  const w = buildWorld(o);
  const docSheets = SHEETS.filter((s) => s.share);
  const counts = {};
  let assigned = 0;
  docSheets.forEach((s, i) => {
    counts[s.id] = i === docSheets.length - 1 ? o.lines - assigned : Math.round(o.lines * s.share);
    assigned += counts[s.id];
  });
  if (counts.b2b < 0) throw new Error('too few lines');
  const streams = { b2b: b2bRows, b2cl: b2clRows, b2cs: b2csRows, cdnr: cdnrRows, exp: expRows };

  let wb = null;
  if (formats.has('xlsx')) {
    const ExcelJS = (await import('exceljs')).default;
    wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${out}.xlsx`, useSharedStrings: !o.inlineStrings, useStyles: true });
    wb.creator = 'gen-return.mjs';
  }
  const manifest = {
    generator: 'bench/gen-return.mjs', version: GENERATOR_VERSION, sourceHash: sourceHash(o.hsnMaster),
    options: { lines: o.lines, seed: o.seed, period: o.period, gstin: o.gstin, dateMode: o.dateMode, inlineStrings: o.inlineStrings, errors: o.errors },
    files: { xlsx: wb ? `${out}.xlsx` : null, csvDir: formats.has('csv') ? csvDir : null, csv: {} },
    sheets: {}, summaries: {}, dataRows: 0, documentLines: o.lines, defects: 0, seconds: 0,
  };
  const defects = [];

  for (const [si, spec] of SHEETS.entries()) {
    const isHsn = !spec.share;
    const rowsOf = (withDefects) => {
      const gen = isHsn ? hsnRows(w, spec.tab) : streams[spec.id](w, o, counts[spec.id], mulberry32((o.seed + 7919 * (si + 1)) >>> 0));
      if (!withDefects || !(o.errors > 0)) return gen;
      const er = mulberry32((o.seed ^ 0x9e3779b9 ^ (si * 0x85ebca6b)) >>> 0);
      return (function* () {
        for (const r of gen) {
          if (er() < o.errors) {
            const d = injectDefect(spec.id, r.cells, er, o.period);
            yield { ...r, cells: d.cells, defect: d };
          } else yield r;
        }
      })();
    };
    // pass 1: the row-3 summary block (HSN rows are computed from sums, so no second pass is needed)
    const sum = { parties: new Set(), docs: 0, docValue: 0, taxable: 0, cess: 0, bills: 0, rows: 0, iamt: 0, camt: 0, samt: 0, totalValue: 0 };
    let lastDoc = null;
    for (const r of rowsOf(true)) {
      sum.rows++;
      if (r.party) sum.parties.add(r.party);
      if (r.doc !== undefined && r.doc !== lastDoc) { sum.docs++; sum.docValue += r.docValue; if (r.bills) sum.bills++; lastDoc = r.doc; }
      sum.taxable += r.taxable; sum.cess += r.cess;
      if (isHsn) { sum.iamt += r.iamt; sum.camt += r.camt; sum.samt += r.samt; sum.totalValue += r.totalValue; }
    }
    const summaryCols = isHsn ? HSN_SUMMARY : spec.summary;
    sum.recipients = sum.parties.size;
    sum.parties.clear();
    const summaryValue = (k) => (k === 'parties' ? sum.recipients : ['docs', 'rows', 'bills'].includes(k) ? sum[k] : sum[k] / 100);
    manifest.summaries[spec.name] = Object.fromEntries(summaryCols.map(([, label, k]) => [label, summaryValue(k)]));

    let ws = null, csv = null;
    if (wb) {
      ws = wb.addWorksheet(spec.name);
      ws.columns = (isHsn ? HSN_WIDTHS : spec.widths).map((width) => ({ width }));
      const bold = { bold: true };
      const r1 = ws.addRow([spec.title]); r1.font = bold; r1.commit();
      const labels = [], values = [];
      for (const [col, label, k] of summaryCols) { const i = col.charCodeAt(0) - 65; labels[i] = label; values[i] = summaryValue(k); }
      const r2 = ws.addRow(labels); r2.font = bold; r2.commit();
      ws.addRow(values).commit();
      const r4 = ws.addRow(spec.headers); r4.font = bold;
      r4.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } }; });
      r4.commit();
    }
    if (formats.has('csv')) {
      const file = path.join(csvDir, `${spec.name}.csv`);
      manifest.files.csv[spec.name] = file;
      csv = fs.createWriteStream(file);
      csv.write(spec.headers.map(csvEsc).join(',') + '\r\n');
    }
    const dateCols = spec.headers.map((h, i) => (/date$/i.test(h) ? i : -1)).filter((i) => i >= 0);
    // pass 2: write
    let n = 0;
    for (const r of rowsOf(true)) {
      n++;
      if (r.hsn) for (const h of r.hsn) addHsn(w, h);
      if (r.defect) defects.push({ sheet: spec.name, row: n + 4, col: COL(r.defect.col), kind: r.defect.kind });
      if (csv && !csv.write(r.cells.map(csvCell).join(',') + '\r\n')) await new Promise((res) => csv.once('drain', res));
      if (ws) {
        const row = ws.addRow(r.cells.map((v) => xlsxCell(v, o.dateMode)));
        if (o.dateMode === 'date') for (const i of dateCols) if (r.cells[i] instanceof Date) row.getCell(i + 1).numFmt = 'dd-mmm-yyyy';
        row.commit();
      }
      // exceljs's WorkbookWriter has no backpressure: yield every 100 rows so the zip side drains (flat RSS)
      if (n % 100 === 0) await tick();
    }
    if (csv) await new Promise((res, rej) => csv.end((err) => (err ? rej(err) : res())));
    if (ws) ws.commit(); // one sheet at a time: rows of a second open sheet would be buffered in memory
    manifest.sheets[spec.name] = n;
    manifest.dataRows += n;
    if (!o.quiet) process.stderr.write(`gen-return: ${spec.name}: ${n} rows\n`);
  }
  if (wb) await wb.commit();
  manifest.defects = defects.length;
  manifest.seconds = (Date.now() - t0) / 1000;
  if (o.errorsLog) fs.writeFileSync(o.errorsLog, JSON.stringify(defects));
  fs.writeFileSync(`${out}.manifest.json`, JSON.stringify(manifest, null, 2));
  return manifest;
}

async function main() {
  const o = parseArgs(process.argv);
  const m = await generateReturn({ ...o, quiet: o.quiet });
  const size = (f) => `${(fs.statSync(f).size / 1048576).toFixed(1)} MiB`;
  const outs = [m.files.xlsx && `${m.files.xlsx} (${size(m.files.xlsx)})`, m.files.csvDir && `${m.files.csvDir}/ (${Object.keys(m.files.csv).length} CSVs)`].filter(Boolean).join(', ');
  console.error(`gen-return: ${m.documentLines} document lines + ${m.dataRows - m.documentLines} HSN rows, ${m.defects} defects -> ${outs} in ${m.seconds.toFixed(1)}s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(process.env.DEBUG ? e : `gen-return: ${e.message}`); process.exit(1); });
}
