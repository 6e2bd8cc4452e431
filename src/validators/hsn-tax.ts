/**
 * What RET91708 and HSN_TAX_ROUNDING share: how far an HSN row's tax heads lie from taxable value
 * × rate, and how many documents a Table 12 tab can summarise. An HSN row adds up the tax of each
 * document, each rounded on its own (to the rupee at most, Rs 0.50 off), so a row summarising N
 * documents can drift by up to Rs 0.50 × N from its taxable value × rate without any error.
 */
import type { Field } from '../model/fields.js';
import type { Location, Params } from '../model/finding.js';
import { expectedTax, formatPaise } from '../model/money.js';
import type { SheetId } from '../model/sheets.js';
import { givesTax } from '../model/given-tax.js';
import { at, type ParsedRow } from '../parsers/rows.js';
import { hsnSplit } from '../model/dated-rules.js';
import { noTaxType } from '../model/no-tax.js';
import type { Report, RuleContext, RulePass } from './types.js';
import { GIVEN_TAX_SHEETS } from './shared.js';

/** Rs 10, in paise: the tolerance a GSP's GSTR-9 sample shows for RET91708. */
export const TAX_TOLERANCE_PAISE = 1000;
/** Rs 0.50 per document, in paise: what rounding each invoice's tax to the rupee can add up to. */
export const ROUNDING_PER_DOCUMENT_PAISE = 50;

export interface TaxDeviation {
  readonly field: Field;
  /** difference in paise beyond the band the row may carry */
  readonly difference: number;
  /** the head is below the band (less tax than value × rate), not above it */
  readonly short: boolean;
  readonly params: Params;
}

/**
 * Heads of an HSN row off by more than Rs 10 from taxable value × rate: IGST against the full
 * tax, Central and State/UT tax each against half; a row with both on its total. A row without an
 * "Applicable %" (an HSN row) is at the full rate unless `mixed`: then it may mix supplies at 65 %
 * of the rate in, and its tax may lie anywhere from the 65 % tax to the full tax. A supply that
 * carries no tax (SEWOP, WOPAY, EXPWOP) owes 0 whatever its rate: RET191150 (rules/tax-heads.ts)
 * judges its amounts, not taxable value × rate.
 */
export function taxDeviations(v: ParsedRow['values'], mixed = false): TaxDeviation[] {
  if (noTaxType(v)) return [];
  // an advance's tax is on the gross advance (Table 11A/11B's ad_amt), a supply's on its taxable value
  const base = v.txval ?? v.adAmt;
  if (v.rt === undefined || base === undefined) return [];
  if (v.iamt === undefined && v.camt === undefined && v.samt === undefined) return [];
  const diff = v.diffPercent ?? 100;
  const lowest = v.diffPercent === undefined && mixed ? 65 : diff;
  const iamt = v.iamt ?? 0;
  const camt = v.camt ?? 0;
  const samt = v.samt ?? 0;
  const full = expectedTax(base, v.rt, diff);
  const half = expectedTax(base, v.rt / 2, diff);
  const advance = v.txval === undefined ? { base: 'advance' } : {};
  const ratio = lowest / diff;
  const out: TaxDeviation[] = [];
  const off = (field: Field, actual: number, expected: number, head: string) => {
    // the band from the lowest tax the row may carry up to the full tax, signs kept
    const low = Math.round(expected * ratio);
    const [lo, hi] = low <= expected ? [low, expected] : [expected, low];
    const d = actual < lo ? lo - actual : actual > hi ? actual - hi : 0;
    if (d > TAX_TOLERANCE_PAISE) {
      // a band is two amounts (the catalogue words the range): expected up to expectedTo
      const band = lo === hi ? { expected: formatPaise(expected) } : { expected: formatPaise(lo), expectedTo: formatPaise(hi) };
      out.push({ field, difference: d, short: actual < lo, params: { head, ...band, difference: formatPaise(d), ...advance } });
    }
  };
  const intra = camt !== 0 || samt !== 0;
  if (iamt !== 0 && intra) {
    off('iamt', iamt + camt + samt, full, 'total');
  } else if (intra) {
    off('camt', camt, half, 'camt');
    off('samt', samt, half, 'samt');
  } else {
    // IGST only, or every head 0: measured against the full tax, on the first head given
    const field: Field = v.iamt !== undefined ? 'iamt' : v.camt !== undefined ? 'camt' : 'samt';
    off(field, iamt, full, field === 'iamt' ? 'iamt' : 'total');
  }
  return out;
}

type Tab = 'b2b' | 'b2c';
/** Document sheets each Table 12 tab summarises (b2cs rows each stand for uncounted invoices). */
const TAB_OF: Partial<Record<SheetId, Tab>> = { b2b: 'b2b', cdnr: 'b2b', b2cl: 'b2c', exp: 'b2c', cdnur: 'b2c', b2cs: 'b2c' };
/**
 * Amendments are not counted as documents, but a 65 % supply among them may be in an HSN row: Table
 * 12 has no amendment table, so an amended invoice's difference goes into the period's HSN rows.
 */
const AMENDED_TAB_OF: Partial<Record<SheetId, Tab>> = { b2ba: 'b2b', cdnra: 'b2b', b2cla: 'b2c', b2csa: 'b2c', cdnura: 'b2c' };
export const HSN_TAX_SHEETS: readonly SheetId[] = [
  'b2b', 'cdnr', 'b2cl', 'exp', 'cdnur', 'b2cs', 'b2ba', 'cdnra', 'b2cla', 'b2csa', 'cdnura', 'docs', 'hsn', 'hsnb2b', 'hsnb2c',
];

/**
 * A pass that holds the HSN rows' tax deviations (few: only those over Rs 10, with their cell)
 * and, at the end, hands each to `judge` with the most documents its tab can summarise: the
 * document rows of the tab (a document may span rows, so never fewer), or Table 13's net issued
 * documents when larger; without bound when the tab has B2C (small) rows and no Table 13.
 * An HSN row's tax may go down to 65 % of value × rate only when a document of its tab is at 65 %
 * of the rate (Applicable % 65), or when the input has no document of the tab to tell (they may be
 * in another file, or on the portal from e-invoices); otherwise it is the full tax. Which is known
 * at the end, so an HSN row's deviations are held for both.
 */
export function hsnTaxPass(
  ctx: RuleContext,
  report: Report,
  judge: (difference: number, documents: number) => boolean,
): RulePass {
  const split = hsnSplit(ctx.period);
  const rows: Record<Tab, number> = { b2b: 0, b2c: 0 };
  const b2cs = { seen: false };
  /** a document (or an amendment) of the tab is at 65 % of the rate */
  const at65: Record<Tab, boolean> = { b2b: false, b2c: false };
  let table13 = 0;
  let hasTable13 = false;
  /**
   * Taxable value (paise, magnitudes) of supplies without payment of tax per tab and rate: Table
   * 12 reports them at their rate with tax 0 (as an e-invoice does), so an HSN row at that rate
   * may fall short of value × rate by up to their tax.
   */
  const noTaxBase = new Map<string, number>();
  /**
   * `single`: a document row whose tax amounts were given (a JSON's): one document, no rounding
   * drift. `mixed`: an HSN row's deviation from the band down to the 65 % tax, else from the full tax.
   */
  const held: { tab: Tab; rt?: number; where: Location & { value?: string }; deviation: TaxDeviation; single?: boolean; mixed?: boolean }[] = [];
  return {
    row(row) {
      const id = row.ctx.spec.id;
      const v = row.values;
      if (GIVEN_TAX_SHEETS.includes(id) && givesTax(v)) {
        for (const d of taxDeviations(v)) held.push({ tab: 'b2b', where: at(row, d.field), deviation: d, single: true });
      }
      if (id === 'hsn' || id === 'hsnb2b' || id === 'hsnb2c') {
        const tab: Tab = split && id === 'hsnb2c' ? 'b2c' : 'b2b';
        const full = taxDeviations(v);
        for (const d of full) held.push({ tab, rt: v.rt, where: at(row, d.field), deviation: d, mixed: false });
        // the wider band only strays where the full tax's does
        if (full.length > 0) for (const d of taxDeviations(v, true)) held.push({ tab, rt: v.rt, where: at(row, d.field), deviation: d, mixed: true });
        return;
      }
      if (id === 'docs') {
        hasTable13 = true;
        table13 += Math.max(0, (v.totnum ?? 0) - (v.cancel ?? 0));
        return;
      }
      const amended = AMENDED_TAB_OF[id];
      if (amended) {
        if (v.diffPercent === 65) at65[split ? amended : 'b2b'] = true;
        return;
      }
      const t = TAB_OF[id];
      if (!t) return;
      if (id === 'b2cs') b2cs.seen = true;
      const tab = split ? t : 'b2b';
      rows[tab]++;
      if (v.diffPercent === 65) at65[tab] = true;
      if (noTaxType(v) && v.rt !== undefined) {
        const k = `${tab}|${v.rt}`;
        noTaxBase.set(k, (noTaxBase.get(k) ?? 0) + Math.abs(v.txval ?? 0));
      }
    },
    finish() {
      for (const h of held) {
        if (h.single) {
          if (judge(h.deviation.difference, 1)) report.raw({ ...h.where, params: h.deviation.params });
          continue;
        }
        const mixed = at65[h.tab] || rows[h.tab] === 0;
        if (h.mixed !== mixed) continue;
        const unbounded = (!split || h.tab === 'b2c') && b2cs.seen && !hasTable13;
        const documents = unbounded ? Infinity : Math.max(rows[h.tab], table13);
        const difference = h.deviation.difference - noTaxShortfall(h.deviation, noTaxBase.get(`${h.tab}|${h.rt}`), h.rt);
        if (difference <= TAX_TOLERANCE_PAISE || !judge(difference, documents)) continue;
        // no documents in the input (they may be in another file): the Rs 10 alone is the measure
        const counted = Number.isFinite(documents) && documents > 0;
        report.raw({
          ...h.where,
          params: {
            ...h.deviation.params,
            ...(counted ? { documents, rounding: formatPaise(documents * ROUNDING_PER_DOCUMENT_PAISE) } : {}),
            // short of the full tax with no 65 % supply to explain it: the hint says where 65 % is marked
            ...(!mixed && h.deviation.short ? { unmarked65: split ? h.tab : 'all' } : {}),
          },
        });
      }
    },
  };
}

/**
 * How much of an HSN row's shortfall the tab's supplies without payment of tax at its rate can
 * explain: their value × rate (half of it on a Central or State/UT tax head), at most the shortfall.
 */
function noTaxShortfall(d: TaxDeviation, base: number | undefined, rt: number | undefined): number {
  if (!d.short || !base || rt === undefined) return 0;
  const tax = expectedTax(base, d.field === 'camt' || d.field === 'samt' ? rt / 2 : rt);
  return Math.min(tax, d.difference);
}

/** Whether per-document rounding can explain `difference` (paise) over `documents` documents. */
export function roundingExplains(difference: number, documents: number): boolean {
  return difference <= documents * ROUNDING_PER_DOCUMENT_PAISE;
}
