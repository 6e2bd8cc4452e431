/**
 * The engine behind the summary sections reported per place of supply and rate (b2cs, b2csa,
 * at, ata, txpd, txpda): rows with the same record key are summed per rate, and tax is computed
 * once per rate after summing. State is one small object per record key and rate (integer
 * paise), however many rows feed it.
 */
import type { Field, FieldValues } from '../model/fields.js';
import type { SectionKey, SheetId } from '../model/sheets.js';
import type { ParsedRow } from '../parsers/rows.js';
import { amt, paise, taxJson } from './convert.js';
import { isInterState } from '../model/return.js';
import type { MapContext, SectionBuilder, SectionMapper, SectionOutput, SheetRow } from './types.js';

type Values = Partial<FieldValues>;

/** One rate line as JSON: `{rt, txval | ad_amt, iamt | camt+samt, csamt}`. */
export type RateItemJson = Record<string, number>;

export interface RateSummarySpec {
  readonly key: SectionKey;
  readonly sheet: SheetId;
  /** fields that identify one record, besides the rate (at: pos and applicable %) */
  readonly headFields: readonly Field[];
  /** the amount tax is computed on: taxable value (b2cs) or gross advance (at, txpd) */
  readonly amount: 'txval' | 'adAmt';
  /** one record's head and its rate lines → the JSON records (one with `itms`, or one per rate) */
  toJson(head: Values, items: RateItemJson[], inter: boolean): unknown[];
  /** reverse: one JSON record → row values, one per rate line */
  fromJson(record: Record<string, unknown>): Values[];
}

/** JSON key of the amount. */
const AMOUNT_KEY = { txval: 'txval', adAmt: 'ad_amt' } as const;

interface Sums {
  amount: number;
  csamt: number;
  /** tax amounts as given (a JSON's, through to-excel's columns); absent: computed */
  iamt?: number;
  camt?: number;
  samt?: number;
}

interface Rec {
  head: Values;
  rates: Map<number, Sums>;
}

export function rateSummaryMapper(spec: RateSummarySpec): SectionMapper {
  return {
    key: spec.key,
    sheets: [spec.sheet],
    create: (ctx) => new RateSummaryBuilder(spec, ctx),
    toRows: (json) => summaryRows(spec, json),
  };
}

class RateSummaryBuilder implements SectionBuilder {
  private readonly recs = new Map<string, Rec>();
  constructor(
    private readonly spec: RateSummarySpec,
    private readonly ctx: MapContext,
  ) {}

  add(row: ParsedRow): boolean {
    const v = row.values;
    const key = this.spec.headFields.map((f) => String(v[f] ?? '')).join('\u0001');
    let rec = this.recs.get(key);
    if (!rec) {
      const head: Record<string, unknown> = {};
      for (const f of this.spec.headFields) if (v[f] !== undefined && v[f] !== '') head[f] = v[f];
      rec = { head: head as Values, rates: new Map() };
      this.recs.set(key, rec);
    }
    const rt = v.rt!;
    let sums = rec.rates.get(rt);
    if (!sums) rec.rates.set(rt, (sums = { amount: 0, csamt: 0 }));
    sums.amount += v[this.spec.amount] ?? 0;
    sums.csamt += v.csamt ?? 0;
    if (v.iamt !== undefined) sums.iamt = (sums.iamt ?? 0) + v.iamt;
    if (v.camt !== undefined) sums.camt = (sums.camt ?? 0) + v.camt;
    if (v.samt !== undefined) sums.samt = (sums.samt ?? 0) + v.samt;
    return true;
  }

  build(): SectionOutput | undefined {
    if (this.recs.size === 0) return undefined;
    return { kind: 'array', items: { [Symbol.iterator]: () => this.records() } };
  }

  private *records(): Generator<unknown> {
    const { spec, ctx } = this;
    const amountKey = AMOUNT_KEY[spec.amount];
    for (const { head, rates } of this.recs.values()) {
      const inter = isInterState(ctx, head.pos);
      const diff = head.diffPercent ?? 100;
      const items: RateItemJson[] = [];
      for (const [rt, s] of rates) {
        items.push({ rt, [amountKey]: amt(s.amount), ...(givenTax(s) ?? taxJson(s.amount, rt, inter, diff)), csamt: amt(s.csamt) });
      }
      yield* spec.toJson(head, items, inter);
    }
  }
}

/** The tax heads given, as they are; undefined when none was (tax is then computed). Table 15's lines too. */
export function givenTax(s: Pick<Sums, 'iamt' | 'camt' | 'samt'>): Record<string, number> | undefined {
  if (s.iamt === undefined && s.camt === undefined && s.samt === undefined) return undefined;
  return {
    ...(s.iamt !== undefined ? { iamt: amt(s.iamt) } : {}),
    ...(s.camt !== undefined ? { camt: amt(s.camt) } : {}),
    ...(s.samt !== undefined ? { samt: amt(s.samt) } : {}),
  };
}

function* summaryRows(spec: RateSummarySpec, json: unknown): Generator<SheetRow> {
  if (!Array.isArray(json)) return;
  for (const record of json as Record<string, unknown>[]) {
    for (const values of spec.fromJson(record)) yield { sheet: spec.sheet, values };
  }
}

/** Row values of one JSON rate line: rate, amount and cess (cess only when not zero). */
export function rateLineValues(it: Record<string, unknown>, amount: 'txval' | 'adAmt'): Values {
  const csamt = paise(it.csamt);
  return {
    rt: it.rt as number,
    [amount]: paise(it[AMOUNT_KEY[amount]]),
    ...(csamt ? { csamt } : {}),
    // the JSON's tax amounts, kept as they are (to-excel writes them in its tax columns)
    ...(it.iamt !== undefined ? { iamt: paise(it.iamt) } : {}),
    ...(it.camt !== undefined ? { camt: paise(it.camt) } : {}),
    ...(it.samt !== undefined ? { samt: paise(it.samt) } : {}),
  };
}
