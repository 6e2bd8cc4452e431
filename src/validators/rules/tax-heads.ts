/**
 * RET191150: tax heads must fit the supply.
 * - Where a document row carries tax amounts as given (a JSON read through to-excel's tax
 *   columns): an inter-State supply has IGST only, an intra-State one Central and State/UT tax
 *   only, in equal halves. A Table 15 supply is inter-State by its supplier's State (the
 *   operator's for an unregistered supplier) against the place of supply, as convert decides it
 *   (model/table15-supply.ts); the finding names both States.
 * - Where a sheet reports tax columns (hsn sheets, eco, ecoa): Central Tax and State/UT Tax are
 *   always equal halves, and an SEZ supplier reports no Central/State tax (all its supplies are
 *   inter-State, IGST).
 * - Supplies without payment of tax carry no tax on any head (spec §1, §3.3, §3.12): SEZ supplies
 *   without payment (SEWOP: b2b, b2ba, cdnr, cdnra, Table 15), exports under bond/LUT (WOPAY) and
 *   notes on them (EXPWOP). Their IGST, Central and State/UT tax (when given, as a JSON's are)
 *   must be 0, and so must SEWOP's cess (an export's cess is EXP_TYPE_TAX's, one finding a cell).
 *   pass: CGST 900 / SGST 900, SEWOP IGST 0; fail: CGST 900 / SGST 800, SEWOP with cess 50, WOPAY IGST 900
 */
import type { Params } from '../../model/finding.js';
import { noTaxType } from '../../model/no-tax.js';
import { isInterState } from '../../model/return.js';
import type { SheetId } from '../../model/sheets.js';
import { table15InterState, table15SupplierState } from '../../model/table15-supply.js';
import type { ParsedRow } from '../../parsers/rows.js';
import type { RowRule, RuleContext } from '../types.js';
import { GIVEN_TAX_SHEETS, TABLE15_SHEETS } from '../shared.js';

const isTable15 = (sheet: SheetId) => (TABLE15_SHEETS as readonly SheetId[]).includes(sheet);

/** The supply is inter-State (IGST): exports and notes on them always; else by place of supply. */
function interState(row: ParsedRow, ctx: RuleContext): boolean {
  const v = row.values;
  const sheet = row.ctx.spec.id;
  if (sheet === 'exp' || sheet === 'expa') return true;
  if ((sheet === 'cdnur' || sheet === 'cdnura') && v.urType !== 'B2CL') return true;
  if (isTable15(sheet)) return table15InterState(ctx, v);
  return isInterState(ctx, v.pos, v.invTyp);
}

/** What a Table 15 finding says the supply type rests on: the supplier's State (whose) and the place of supply. */
function table15States(row: ParsedRow, ctx: RuleContext): Params {
  const v = row.values;
  if (!isTable15(row.ctx.spec.id) || v.docTyp === 'SEWP') return {};
  return { state: table15SupplierState(ctx, v), whose: v.stin ? 'supplier' : 'operator', pos: v.pos ?? '' };
}

const NO_TAX_HEADS = ['iamt', 'camt', 'samt'] as const;

const rule: RowRule = {
  kind: 'row',
  code: 'RET191150',
  severity: 'error',
  sections: [...new Set<SheetId>([...GIVEN_TAX_SHEETS, 'hsn', 'hsnb2b', 'hsnb2c', 'eco', 'ecoa'])],
  source: 'Offline Tool 3.2.4 `getItm` (b2b), `generateTotal`; portal RET191150',
  description:
    'Tax heads: Central and State/UT tax equal; no Central/State tax for an SEZ supplier; given amounts under the heads the place of supply calls for (Table 15: against the supplier\'s State, an unregistered supplier\'s taken to be yours); no tax on SEZ supplies without payment (nor cess), exports under bond/LUT or notes on them.',
  variants: [
    { reason: 'halves' }, { reason: 'sez' }, { reason: 'inter' }, { reason: 'intra' },
    { reason: 'intra', state: '29', whose: 'supplier', pos: '29' }, { reason: 'inter', state: '27', whose: 'operator', pos: '29' },
    { reason: 'notax', type: 'SEWOP' }, { reason: 'notax', type: 'WOPAY' }, { reason: 'notax', type: 'EXPWOP' },
  ],
  check(row, ctx, report) {
    const v = row.values;
    const sheet = row.ctx.spec.id;
    const camt = v.camt ?? 0;
    const samt = v.samt ?? 0;
    const none = noTaxType(v);
    if (none) {
      // no tax whatever the rate or place of supply: each head given must be 0, at its own cell
      for (const f of NO_TAX_HEADS) if (v[f]) report(row, f, { reason: 'notax', type: none });
      if (none === 'SEWOP' && v.csamt) report(row, 'csamt', { reason: 'notax', type: none });
      return;
    }
    if (GIVEN_TAX_SHEETS.includes(sheet)) {
      // tax amounts given as they are (a JSON's): the heads must fit the place of supply
      if (v.iamt === undefined && v.camt === undefined && v.samt === undefined) return;
      const inter = interState(row, ctx);
      if (inter && (camt !== 0 || samt !== 0)) report(row, camt !== 0 ? 'camt' : 'samt', { reason: 'inter', ...table15States(row, ctx) });
      else if (!inter && (v.iamt ?? 0) !== 0) report(row, 'iamt', { reason: 'intra', ...table15States(row, ctx) });
      else if (camt !== samt) report(row, 'samt', { reason: 'halves' });
      return;
    }
    if (ctx.sez && (camt !== 0 || samt !== 0)) {
      report(row, camt !== 0 ? 'camt' : 'samt', { reason: 'sez' });
    } else if (camt !== samt) {
      report(row, 'samt', { reason: 'halves' });
    }
  },
};
export default rule;
