/**
 * Section totals in the summary's own terms (`sec_nm`, `ttl_tax` = taxable value, `ttl_igst`...),
 * computed from payloads exactly as the portal keeps them (a later save of the same document
 * replaces the earlier one), and the comparison of the portal's summary with what was saved:
 * filing is refused when they differ.
 */
import { eachGroupedRecord, eachRecordOf, walkRecords, type RecordEntry } from './records.js';
import type { SummarySection } from './types.js';
import { isObject } from '../model/json-object.js';

type Obj = Record<string, unknown>;

export const SUMMARY_NAMES: Readonly<Record<string, string>> = {
  b2b: 'B2B', b2ba: 'B2BA', b2cl: 'B2CL', b2cla: 'B2CLA', b2cs: 'B2CS', b2csa: 'B2CSA',
  cdnr: 'CDNR', cdnra: 'CDNRA', cdnur: 'CDNUR', cdnura: 'CDNURA', exp: 'EXP', expa: 'EXPA',
  at: 'AT', ata: 'ATA', txpd: 'TXPD', txpda: 'TXPDA', nil: 'NIL', hsn: 'HSN', doc_issue: 'DOC_ISSUE',
  supeco: 'SUPECOM', supecoa: 'SUPECOMA', ecom: 'ECOM', ecoma: 'ECOMA',
};

/** Fields compared between the portal's summary and the saved data. */
export const COMPARED_FIELDS = [
  'ttl_tax', 'ttl_igst', 'ttl_cgst', 'ttl_sgst', 'ttl_cess',
  'ttl_nilsup_amt', 'ttl_expt_amt', 'ttl_ngsup_amt', 'ttl_doc_issued', 'ttl_doc_cancelled',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number] | 'ttl_rec';

/**
 * Sections whose records are documents (an invoice, a note, an export invoice): there the
 * portal's record count is the number of documents, so it is compared too. Elsewhere (HSN rows,
 * B2CS rates, documents issued) what the portal counts as a record is not documented.
 */
const DOCUMENT_SECTIONS: ReadonlySet<string> = new Set(['B2B', 'B2BA', 'B2CL', 'B2CLA', 'CDNR', 'CDNRA', 'CDNUR', 'CDNURA', 'EXP', 'EXPA']);

/** Totals of one section; amounts in rupees. */
export interface SectionTotal {
  readonly sec_nm: string;
  readonly ttl_rec: number;
  readonly ttl_val: number;
  readonly ttl_tax: number;
  readonly ttl_igst: number;
  readonly ttl_cgst: number;
  readonly ttl_sgst: number;
  readonly ttl_cess: number;
  readonly ttl_nilsup_amt?: number;
  readonly ttl_expt_amt?: number;
  readonly ttl_ngsup_amt?: number;
  readonly ttl_doc_issued?: number;
  readonly ttl_doc_cancelled?: number;
  readonly net_doc_issued?: number;
}

/** rupees (JSON number) → paise, exact for ≤ 2 decimals */
const p = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : 0);

interface Acc {
  rec: number;
  val: number;
  tax: number;
  igst: number;
  cgst: number;
  sgst: number;
  cess: number;
  nil: number;
  expt: number;
  ngsup: number;
  issued: number;
  cancelled: number;
  net: number;
}
const zero = (): Acc => ({ rec: 0, val: 0, tax: 0, igst: 0, cgst: 0, sgst: 0, cess: 0, nil: 0, expt: 0, ngsup: 0, issued: 0, cancelled: 0, net: 0 });

function addAmounts(a: Acc, o: Obj, taxableKey = 'txval') {
  a.tax += p(o[taxableKey]);
  a.igst += p(o.iamt ?? o.igst);
  a.cgst += p(o.camt ?? o.cgst);
  a.sgst += p(o.samt ?? o.sgst);
  a.cess += p(o.csamt ?? o.cess);
}

/** what the totals read of a record entry */
type Counted = Pick<RecordEntry, 'section' | 'record'>;

function addEntry(a: Acc, e: Counted) {
  const r = e.record;
  a.rec++;
  switch (e.section) {
    case 'nil':
      a.nil += p(r.nil_amt);
      a.expt += p(r.expt_amt);
      a.ngsup += p(r.ngsup_amt);
      return;
    case 'doc_issue':
      a.issued += Math.round(Number(r.totnum ?? 0)) * 100;
      a.cancelled += Math.round(Number(r.cancel ?? 0)) * 100;
      a.net += Math.round(Number(r.net_issue ?? 0)) * 100;
      return;
    case 'hsn':
    case 'b2cs':
      addAmounts(a, r);
      a.val += p(r.val);
      return;
    case 'supeco':
    case 'supecoa':
      addAmounts(a, r, 'suppval');
      return;
    case 'ecom':
      // b2c / urp2c records are flat rate lines
      if (!Array.isArray(r.itms)) {
        addAmounts(a, r);
        return;
      }
  }
  a.val += p(r.val);
  const itms = Array.isArray(r.itms) ? r.itms : [];
  const taxable = e.section === 'at' || e.section === 'ata' || e.section === 'txpd' || e.section === 'txpda' ? 'ad_amt' : 'txval';
  for (const it of itms) {
    if (!isObject(it)) continue;
    addAmounts(a, isObject(it.itm_det) ? it.itm_det : it, taxable);
  }
}

const rupees = (paise: number) => paise / 100;

function toTotal(section: string, a: Acc): SectionTotal {
  const base = {
    sec_nm: SUMMARY_NAMES[section] ?? section.toUpperCase(),
    ttl_rec: a.rec,
    ttl_val: rupees(a.val),
    ttl_tax: rupees(a.tax),
    ttl_igst: rupees(a.igst),
    ttl_cgst: rupees(a.cgst),
    ttl_sgst: rupees(a.sgst),
    ttl_cess: rupees(a.cess),
  };
  if (section === 'nil') return { ...base, ttl_nilsup_amt: rupees(a.nil), ttl_expt_amt: rupees(a.expt), ttl_ngsup_amt: rupees(a.ngsup) };
  if (section === 'doc_issue') return { ...base, ttl_doc_issued: a.issued / 100, ttl_doc_cancelled: a.cancelled / 100, net_doc_issued: a.net / 100 };
  return base;
}

/** Totals per section of stored entries (one per document id). */
export function totalsOfEntries(entries: Iterable<Counted>): SectionTotal[] {
  const acc = new Map<string, Acc>();
  for (const e of entries) {
    let a = acc.get(e.section);
    if (!a) acc.set(e.section, (a = zero()));
    addEntry(a, e);
  }
  return totalsOf(acc);
}

/** Each section's totals, in the summary's order. */
function totalsOf(acc: ReadonlyMap<string, Acc>): SectionTotal[] {
  const order = Object.keys(SUMMARY_NAMES);
  return [...acc.entries()].sort((x, y) => order.indexOf(x[0]) - order.indexOf(y[0])).map(([s, a]) => toTotal(s, a));
}

/**
 * Totals of everything the payloads save, in order, a later save of a document replacing the
 * earlier one (as the portal does). Pass the chunks that were accepted; rows the portal rejected
 * (PE) are not on the portal and make the comparison fail, which is the point.
 */
export function computeTotals(payloads: Iterable<string | object>): SectionTotal[] {
  const docs = new Map<string, RecordEntry>();
  for (const pl of payloads) {
    const json = typeof pl === 'string' ? JSON.parse(pl) : pl;
    for (const e of walkRecords(json)) docs.set(e.id, e);
  }
  return totalsOfEntries(docs.values());
}

/** numbers TotalsTally keeps per document: Acc's fields, in the order of store() */
const STRIDE = 13;

/** `a` into `to` from `at` (named field by field: a loop over the names was most of the tally's time) */
function store(a: Acc, to: Float64Array, at: number): void {
  to[at] = a.rec;
  to[at + 1] = a.val;
  to[at + 2] = a.tax;
  to[at + 3] = a.igst;
  to[at + 4] = a.cgst;
  to[at + 5] = a.sgst;
  to[at + 6] = a.cess;
  to[at + 7] = a.nil;
  to[at + 8] = a.expt;
  to[at + 9] = a.ngsup;
  to[at + 10] = a.issued;
  to[at + 11] = a.cancelled;
  to[at + 12] = a.net;
}

/** what store() put at `at`, added to `a` */
function addStored(a: Acc, from: Float64Array, at: number): void {
  a.rec += from[at]!;
  a.val += from[at + 1]!;
  a.tax += from[at + 2]!;
  a.igst += from[at + 3]!;
  a.cgst += from[at + 4]!;
  a.sgst += from[at + 5]!;
  a.cess += from[at + 6]!;
  a.nil += from[at + 7]!;
  a.expt += from[at + 8]!;
  a.ngsup += from[at + 9]!;
  a.issued += from[at + 10]!;
  a.cancelled += from[at + 11]!;
  a.net += from[at + 12]!;
}

/**
 * computeTotals built up from the payloads' elements (payloadElements), each counted as a payload
 * holding it would be, without their JSON written and parsed again. Each document's amounts are
 * kept (in paise, in one typed array), not the document: a later one of the same id replaces them,
 * and a large return's documents are not held until the end (they outlived the young generation,
 * and collecting them took a third of the time).
 */
export class TotalsTally {
  /** document id → its slot, for what is not in a grouped section's group */
  private readonly slots = new Map<string, number>();
  /**
   * A grouped section's documents by their group (a recipient, with its GSTIN in any case...), then
   * by their own number: one Map of the 283,501 whole ids of a 500,000-line return took 0.35-0.5 s
   * to fill (Node), two levels about 0.3 s less, and a group's documents come together.
   */
  private readonly groups = new Map<string, Map<string, number>>();
  /** the group of the last document counted, and its documents */
  private group = '';
  private inGroup = new Map<string, number>();
  private readonly sections: string[] = [];
  private amounts = new Float64Array(STRIDE * 1024);

  add(section: string, part: string, element: unknown): void {
    const grouped = eachGroupedRecord(section, part, element, (group, own, record) => {
      if (group !== this.group) {
        this.group = group;
        let m = this.groups.get(group);
        if (!m) this.groups.set(group, (m = new Map()));
        this.inGroup = m;
      }
      this.count(this.inGroup, own, section, record);
    });
    if (!grouped) eachRecordOf(section, part, element, (id, record) => this.count(this.slots, id, section, record));
  }

  private count(slots: Map<string, number>, id: string, section: string, record: Record<string, unknown>): void {
    let slot = slots.get(id);
    if (slot === undefined) {
      slot = this.sections.length;
      slots.set(id, slot);
      this.sections.push(section);
      if ((slot + 1) * STRIDE > this.amounts.length) {
        const more = new Float64Array(this.amounts.length * 2);
        more.set(this.amounts);
        this.amounts = more;
      }
    }
    const a = zero();
    addEntry(a, { section, record });
    store(a, this.amounts, slot * STRIDE);
  }

  totals(): SectionTotal[] {
    const acc = new Map<string, Acc>();
    for (let slot = 0; slot < this.sections.length; slot++) {
      const section = this.sections[slot]!;
      let a = acc.get(section);
      if (!a) acc.set(section, (a = zero()));
      addStored(a, this.amounts, slot * STRIDE);
    }
    return totalsOf(acc);
  }
}

export interface TotalsDifference {
  readonly sec_nm: string;
  readonly field: ComparedField;
  /** what the portal's summary says (NaN when it is not a number: see portalText) */
  readonly portal: number;
  /** the portal's value as given, when it could not be read as a number */
  readonly portalText?: string;
  /** what the saved data adds up to */
  readonly saved: number;
}

/**
 * Differences between the portal's summary and the saved totals, beyond `tolerance` rupees per
 * field (record counts exactly). A field is compared when the portal reports it, or when the
 * portal lacks the whole section that the saved data has; a field the portal leaves out of a
 * section it reports cannot vouch for a saved amount, so it differs unless that amount is zero.
 * A value the portal gives that is not a number differs: a check that cannot read the portal's
 * figure must not let the filing through.
 */
export function compareTotals(portal: readonly SummarySection[], saved: readonly SectionTotal[], tolerance = 0): TotalsDifference[] {
  const out: TotalsDifference[] = [];
  const P = new Map(portal.map((s) => [String(s.sec_nm).toUpperCase(), s as Obj]));
  const S = new Map(saved.map((s) => [s.sec_nm.toUpperCase(), s as unknown as Obj]));
  const names = [...new Set([...S.keys(), ...P.keys()])];
  for (const name of names) {
    const ps = P.get(name);
    const ss = S.get(name);
    const fields: readonly ComparedField[] = DOCUMENT_SECTIONS.has(name) ? ['ttl_rec', ...COMPARED_FIELDS] : COMPARED_FIELDS;
    for (const field of fields) {
      // null or "" from the portal: not reported, as when the key is absent
      const given = ps ? ps[field] : undefined;
      const pv = given === null || given === '' ? undefined : given;
      const sv = ss ? ss[field] : undefined;
      const b = typeof sv === 'number' ? sv : 0;
      if (pv === undefined && b === 0) continue; // nothing saved that the portal would have to show
      const a = pv === undefined ? 0 : numberOf(pv);
      if (Number.isNaN(a)) {
        out.push({ sec_nm: name, field, portal: Number.NaN, portalText: String(pv), saved: b });
        continue;
      }
      const allowed = field === 'ttl_rec' ? 0 : Math.round(tolerance * 100);
      if (Math.abs(Math.round(a * 100) - Math.round(b * 100)) > allowed) out.push({ sec_nm: name, field, portal: a, saved: b });
    }
  }
  return out;
}

/** A summary figure given as plain decimal text ("1800.50", not "1,800.50"): read as the number it says. */
export function isPlainDecimal(v: unknown): v is string {
  return typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v);
}

/** A summary figure as a number: a JSON number, or plain decimal text ("1800.50"); NaN for anything else ("1,800.50", true). */
function numberOf(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (isPlainDecimal(v)) return Number(v);
  return Number.NaN;
}
