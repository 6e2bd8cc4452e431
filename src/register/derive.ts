/**
 * The tables derived from the register's lines rather than read from it:
 * - Table 12, the HSN summary: lines grouped by HSN, UQC and rate (per B2B / B2C tab from the
 *   May 2025 period), quantities and taxable values summed (credit notes less), and the tax each
 *   line carries in its invoice or note summed — taxable value × rate, whatever amounts the
 *   register shows (line-tax.ts checks those), so Table 12 and the invoices agree;
 * - Table 13, documents issued: document numbers split into series by their prefix and suffix
 *   around the serial (INV/25-26/0001..0150; a trailing financial year such as /25-26 is part of
 *   the suffix), one per kind of document; from/to are the lowest and highest numbers, the total
 *   counts every number in between but those held by another kind of document in the same series
 *   (ERPNext numbers a credit note in its invoices' series) or by a document never issued (a
 *   draft), and cancelled counts numbers missing from the series plus documents marked cancelled;
 * - Table 14 (from the January 2024 period): supplies through each e-commerce operator, net value
 *   and taxes, split into u/s 52 (clttx) and u/s 9(5) (paytx).
 * State is one small record per group, series or operator; series keep their serial numbers in a
 * Set of numbers. Each record keeps the register rows it comes from (the first few, and how
 * many), so that a finding on a derived row names them.
 */
import { Decimal } from 'decimal.js';
import { hsnMasterRequired } from '../model/dated-rules.js';
import type { FieldValues } from '../model/fields.js';
import type { Period } from '../model/period.js';
import type { DocKind, RowPlace } from './coerce.js';
import type { Decision } from './classify.js';
import type { RegisterLine } from './line.js';
import { returnTax } from './line-tax.js';

type Values = Partial<FieldValues>;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The register rows a derived row comes from: the first few, and how many in all. */
export class RowSources {
  static readonly LISTED = 5;
  readonly listed: RowPlace[] = [];
  count = 0;

  add(place: RowPlace): void {
    if (this.listed.length < RowSources.LISTED) this.listed.push({ file: place.file, sheet: place.sheet, row: place.row });
    this.count++;
  }

  get first(): RowPlace {
    return this.listed[0]!;
  }
}

/**
 * Taxes of a group: the sum of the tax each line carries in the return, as its invoice or note
 * carries it (taxable value × rate, never the register's amounts: see line-tax.ts), and cess as given.
 */
class TaxSums {
  iamt = 0;
  camt = 0;
  samt = 0;
  csamt = 0;

  add(line: RegisterLine, d: Decision): void {
    const s = d.sign === -1 ? -1 : 1;
    const t = returnTax(line, d);
    // a line's own sign (a negative taxable value) stays, except on a note netted against sales
    const own = d.sign === -1 || line.txval >= 0 ? 1 : -1;
    this.iamt += s * own * t.iamt;
    this.camt += s * own * t.camt;
    this.samt += s * own * t.samt;
    this.csamt += s * (d.sign === -1 ? Math.abs(line.csamt ?? 0) : (line.csamt ?? 0));
  }

  totals(): { iamt: number; camt: number; samt: number; csamt: number } {
    return { iamt: this.iamt, camt: this.camt, samt: this.samt, csamt: this.csamt };
  }
}

// ------------------------------------------------------------------------------ Table 12

interface HsnGroup {
  readonly tab: 'b2b' | 'b2c';
  readonly hsn: string;
  readonly uqc: string;
  readonly rt: number;
  desc?: string;
  qty: Decimal;
  txval: number;
  readonly tax: TaxSums;
  /** register rows that fed the group */
  readonly sources: RowSources;
}

export interface HsnLine {
  readonly tab: 'b2b' | 'b2c';
  readonly values: Values;
  readonly sources: RowSources;
}

export class HsnSummary {
  private readonly groups = new Map<string, HsnGroup>();
  private readonly services: boolean;

  constructor(private readonly split: boolean, period: Period) {
    // from the May 2025 period services report UQC NA and quantity 0 (the portal forces it)
    this.services = hsnMasterRequired(period);
  }

  get size(): number {
    return this.groups.size;
  }

  /** The UQC a line is summarised under (NA for services); undefined when a goods line has none. */
  uqcOf(line: RegisterLine): string | undefined {
    const service = line.hsn!.startsWith('99');
    if (service && (this.services || !line.uqc)) return 'NA';
    return line.uqc;
  }

  add(line: RegisterLine, d: Decision, uqc: string, place: RowPlace): void {
    const tab = d.hsnTab!;
    // supplies without tax (SEZ or export under LUT) go on a rate-0 row: summed with taxed sales
    // of the same rate their row would fail the portal's tax check (RET91708)
    const rt = d.noTax ? 0 : line.rate;
    const key = `${this.split ? tab : ''}|${line.hsn}|${uqc}|${rt}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { tab, hsn: line.hsn!, uqc, rt, qty: new D(0), txval: 0, tax: new TaxSums(), sources: new RowSources() };
      this.groups.set(key, g);
    }
    g.sources.add(place);
    if (!g.desc && line.desc) g.desc = line.desc;
    const s = d.sign;
    const service = uqc === 'NA' && line.hsn!.startsWith('99') && this.services;
    if (line.qty && !service) {
      const q = new D(line.qty);
      g.qty = g.qty.plus(s === -1 ? q.abs().neg() : q);
    }
    g.txval += s === -1 ? -Math.abs(line.txval) : line.txval;
    g.tax.add(line, d);
  }

  lines(): HsnLine[] {
    const out: HsnLine[] = [];
    for (const g of this.groups.values()) {
      const t = g.tax.totals();
      out.push({
        tab: g.tab,
        sources: g.sources,
        values: {
          hsn: g.hsn,
          ...(g.desc ? { desc: g.desc } : {}),
          uqc: g.uqc,
          qty: g.qty.toDecimalPlaces(2).toString(),
          rt: g.rt,
          txval: g.txval,
          iamt: t.iamt,
          camt: t.camt,
          samt: t.samt,
          csamt: t.csamt,
        },
      });
    }
    return out;
  }
}

// ------------------------------------------------------------------------------ Table 13

/**
 * Table 13 natures: invoices 1, debit notes 4, credit notes 5, receipt vouchers (advances
 * received) 6. An advance adjusted is no document of its own: it is adjusted in an invoice.
 */
export const DOC_NATURE: Readonly<Record<Exclude<DocKind, 'AA'>, number>> = { INV: 1, D: 4, C: 5, AR: 6 };

export interface SerialParts {
  readonly prefix: string;
  /** the serial's digits; undefined when the number has none usable */
  readonly digits?: string;
  readonly suffix: string;
}

const FY_TAIL = /([-/_. ]?)(\d{4}|\d{2})[-/](\d{2})$/;

/** Splits a document number around its serial: INV/25-26/0012 → INV/25-26/ · 0012 · ''; 0012/25-26 → '' · 0012 · /25-26. */
export function splitSerial(num: string): SerialParts {
  const tryBody = (body: string, tail: string): SerialParts | undefined => {
    const m = /(\d+)(\D*)$/.exec(body);
    if (!m || m[1]!.length > 15) return undefined;
    return { prefix: body.slice(0, m.index), digits: m[1]!, suffix: m[2]! + tail };
  };
  const fy = FY_TAIL.exec(num);
  if (fy && fy.index > 0) {
    const start = Number(fy[2]) % 100;
    if ((start + 1) % 100 === Number(fy[3])) {
      const r = tryBody(num.slice(0, fy.index), num.slice(fy.index));
      if (r) return r;
    }
  }
  return tryBody(num, '') ?? { prefix: num, suffix: '' };
}

interface Series {
  readonly nature: number;
  /** prefix and suffix around the serial (without case): the number series, whatever kinds of document share it */
  readonly stem: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly numbered: boolean;
  min: number;
  max: number;
  minText: string;
  maxText: string;
  readonly serials: Set<number>;
  readonly cancelled: Set<number>;
  /** rows of the series' documents */
  readonly sources: RowSources;
}

/** Numbers of a series' range that are not its documents' and not missing either: why each is left out of its total. */
export type LeftOutBy = number | 'not-issued';

export interface LeftOut {
  /** the nature of the document of another kind that holds the numbers, or `not-issued` (drafts) */
  readonly by: LeftOutBy;
  readonly count: number;
  /** the first few of them */
  readonly numbers: readonly string[];
}

export interface SeriesInfo {
  readonly nature: number;
  readonly from: string;
  readonly to: string;
  readonly totnum: number;
  readonly cancel: number;
  /** documents seen in the register */
  readonly documents: number;
  /** documents marked cancelled */
  readonly markedCancelled: number;
  /** numbers of the range not in the register */
  readonly gaps: number;
  /** the first few missing numbers */
  readonly missing: readonly string[];
  /**
   * numbers of the range held by documents of another kind (a credit note numbered in the invoices'
   * series, as ERPNext numbers its returns) or by documents never issued: neither in the total nor cancelled
   */
  readonly leftOut: readonly LeftOut[];
  /** rows of the series' documents */
  readonly sources: RowSources;
}

export type SeriesAdd = 'new' | 'same' | 'cancel-mismatch';

const SHOWN = 5;

export class DocumentSeries {
  private readonly series = new Map<string, Series>();
  /** numbers of documents never issued (drafts), by series stem */
  private readonly unissued = new Map<string, Set<number>>();

  /** Adds a document line; 'same' for a further line of a document already seen. */
  add(kind: Exclude<DocKind, 'AA'>, num: string, cancelled: boolean, place: RowPlace): SeriesAdd {
    const nature = DOC_NATURE[kind];
    const { stem, serial, parts: p } = stemOf(num);
    const key = `${nature}|${stem}`;
    let s = this.series.get(key);
    if (!s) {
      s = {
        nature, stem, prefix: p.prefix, suffix: p.suffix, numbered: p.digits !== undefined, min: serial, max: serial, minText: num, maxText: num,
        serials: new Set(), cancelled: new Set(), sources: new RowSources(),
      };
      this.series.set(key, s);
    }
    if (s.serials.has(serial)) return s.cancelled.has(serial) === cancelled ? 'same' : 'cancel-mismatch';
    s.serials.add(serial);
    s.sources.add(place);
    if (cancelled) s.cancelled.add(serial);
    if (serial < s.min) {
      s.min = serial;
      s.minText = num;
    }
    if (serial > s.max) {
      s.max = serial;
      s.maxText = num;
    }
    return 'new';
  }

  /** A document never issued (a draft): its number is no gap in its series, whatever kind the series is. */
  notIssued(num: string): void {
    const { stem, serial } = stemOf(num);
    let set = this.unissued.get(stem);
    if (!set) this.unissued.set(stem, (set = new Set()));
    set.add(serial);
  }

  /** Series by nature (invoices, debit notes, credit notes), each in order of first appearance. */
  list(): SeriesInfo[] {
    const out: SeriesInfo[] = [];
    for (const s of this.series.values()) {
      const range = s.max - s.min + 1;
      // numbers of the range another kind of document, or a document never issued, holds
      const held = new Map<number, LeftOutBy>();
      const hold = (serials: Iterable<number>, by: LeftOutBy) => {
        for (const n of serials) if (n >= s.min && n <= s.max && !s.serials.has(n) && !held.has(n)) held.set(n, by);
      };
      for (const o of this.series.values()) if (o !== s && o.stem === s.stem) hold(o.serials, o.nature);
      hold(this.unissued.get(s.stem) ?? [], 'not-issued');
      const totnum = range - held.size;
      const gaps = totnum - s.serials.size;
      const missing: string[] = [];
      if (gaps > 0 && range <= 1_000_000) {
        for (let n = s.min; n <= s.max && missing.length < SHOWN; n++) {
          if (!s.serials.has(n) && !held.has(n)) missing.push(numberText(s, n));
        }
      }
      out.push({
        nature: s.nature, from: s.minText, to: s.maxText, totnum, cancel: totnum - (s.serials.size - s.cancelled.size),
        documents: s.serials.size, markedCancelled: s.cancelled.size, gaps, missing, leftOut: leftOut(s, held), sources: s.sources,
      });
    }
    return out.sort((a, b) => a.nature - b.nature);
  }

  rows(): { values: Values; sources: RowSources }[] {
    return this.list().map((s) => ({
      sources: s.sources,
      values: {
        // the coerced Nature of Document is its number (see parsers/coerce.ts)
        docNature: s.nature as unknown as string,
        docFrom: s.from,
        docTo: s.to,
        totnum: s.totnum,
        cancel: s.cancel,
      },
    }));
  }
}

/** A number's series stem (prefix and suffix without case; whether it has a serial) and its serial. */
function stemOf(num: string): { stem: string; serial: number; parts: SerialParts } {
  const p = splitSerial(num);
  const numbered = p.digits !== undefined;
  return { stem: `${p.prefix.toLowerCase()}|${numbered ? '#' : ''}|${p.suffix.toLowerCase()}`, serial: numbered ? Number(p.digits) : 0, parts: p };
}

/** The numbers held, grouped by why, in order of number. */
function leftOut(s: Series, held: ReadonlyMap<number, LeftOutBy>): LeftOut[] {
  const groups = new Map<LeftOutBy, { count: number; numbers: string[] }>();
  for (const n of [...held.keys()].sort((a, b) => a - b)) {
    const by = held.get(n)!;
    let g = groups.get(by);
    if (!g) groups.set(by, (g = { count: 0, numbers: [] }));
    g.count++;
    if (g.numbers.length < SHOWN) g.numbers.push(numberText(s, n));
  }
  return [...groups].map(([by, g]) => ({ by, ...g }));
}

/** A serial of the series written as its documents are (the width of its lowest number's serial, when from and to are as wide). */
function numberText(s: Series, n: number): string {
  const width = s.minText.length === s.maxText.length ? digitsWidth(s) : 0;
  return `${s.prefix}${String(n).padStart(width, '0')}${s.suffix}`;
}

function digitsWidth(s: Series): number {
  return splitSerial(s.minText).digits?.length ?? 0;
}

// ------------------------------------------------------------------------------ Table 14

interface EcoRecord {
  readonly part: 'clttx' | 'paytx';
  readonly etin: string;
  suppval: number;
  readonly tax: TaxSums;
  readonly sources: RowSources;
}

export class EcoSupplies {
  private readonly records = new Map<string, EcoRecord>();

  get size(): number {
    return this.records.size;
  }

  add(line: RegisterLine, d: Decision, place: RowPlace): void {
    const part = d.eco!;
    const key = `${part}|${line.etin}`;
    let r = this.records.get(key);
    if (!r) this.records.set(key, (r = { part, etin: line.etin!, suppval: 0, tax: new TaxSums(), sources: new RowSources() }));
    r.sources.add(place);
    r.suppval += d.sign === -1 ? -Math.abs(line.txval) : line.txval;
    r.tax.add(line, d);
  }

  rows(): { values: Values; sources: RowSources }[] {
    return [...this.records.values()].map((r) => {
      const t = r.tax.totals();
      return {
        sources: r.sources,
        values: {
          ecoNature: r.part, etin: r.etin, ecoName: r.etin, suppval: r.suppval,
          iamt: t.iamt, camt: t.camt, samt: t.samt, csamt: t.csamt,
        },
      };
    });
  }
}
