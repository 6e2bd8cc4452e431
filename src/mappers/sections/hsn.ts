/**
 * hsn (Table 12), sheets `hsn` (periods before May 2025) and `hsn(b2b)` / `hsn(b2c)` (from the
 * May 2025 period, see `hsnSplit`): the HSN-wise summary, one item per row, numbered from 1 in
 * each list. Rows are not merged (a validator reports repeated HSN + UQC + rate) and amounts are
 * carried as given, never computed; every tax head is written (0 when blank). From May 2025
 * `desc` is the "Description as per HSN Code" column and `user_desc` the user's Description.
 *   sheet row (hsn(b2b), 062025): 8301 | Padlocks | PADLOCKS | NOS-NUMBERS | 12.50 | | 18 | 1000 | 0 | 90 | 90 |
 *   JSON:      {hsn_b2b:[{num:1, hsn_sc:"8301", desc:"PADLOCKS", user_desc:"Padlocks", uqc:"NOS", qty:12.5,
 *               rt:18, txval:1000, iamt:0, camt:90, samt:90, csamt:0}]}
 *   Before May 2025, sheet hsn → {data:[{num:1, hsn_sc:"8301", desc:"Padlocks", ...}]}.
 */
import type { FieldValues } from '../../model/fields.js';
import { formatPeriod } from '../../model/period.js';
import { hsnMandatory, hsnSplit } from '../../model/dated-rules.js';
import type { SheetId } from '../../model/sheets.js';
import { StringPool } from '../../model/columns.js';
import { amt, paise } from '../convert.js';
import type { SectionMapper, SheetRow } from '../types.js';

type Values = Partial<FieldValues>;
type Part = 'data' | 'hsn_b2b' | 'hsn_b2c';

const PART_SHEET: Readonly<Record<Part, SheetId>> = { data: 'hsn', hsn_b2b: 'hsnb2b', hsn_b2c: 'hsnb2c' };

/** The list a sheet feeds in a period with (`split`) or without the B2B/B2C split; undefined when it does not fit. */
function partFor(sheet: SheetId, split: boolean): Part | undefined {
  if (split) return sheet === 'hsnb2b' ? 'hsn_b2b' : sheet === 'hsnb2c' ? 'hsn_b2c' : undefined;
  return sheet === 'hsn' ? 'data' : undefined;
}

/** Quantity text (a plain decimal after coercion) → JSON number; exact for ≤ 15 significant digits. */
function qtyNumber(text: string | undefined): number {
  const n = Number(text ?? '0');
  return Number.isFinite(n) ? n : 0;
}

/** An HSN row's JSON; codes and descriptions repeat across rows and are kept once. */
function hsnItem(v: Values, num: number, split: boolean, oldLayout: boolean, strings: StringPool): Record<string, unknown> {
  // from May 2025 the portal's description is the HSN master's; the user's text goes to user_desc
  const desc = split ? v.masterDesc || v.desc : v.desc;
  return {
    num,
    hsn_sc: strings.keep(v.hsn ?? ''),
    ...(desc ? { desc: strings.keep(desc) } : {}),
    ...(split && v.desc ? { user_desc: strings.keep(v.desc) } : {}),
    uqc: strings.keep(v.uqc ?? ''),
    qty: qtyNumber(v.qty),
    // before May 2021 the row's Total Value is part of the summary and its rate optional
    ...(oldLayout && v.totalValue !== undefined ? { val: amt(v.totalValue) } : {}),
    ...(v.rt !== undefined ? { rt: v.rt } : {}),
    txval: amt(v.txval ?? 0),
    iamt: amt(v.iamt ?? 0),
    camt: amt(v.camt ?? 0),
    samt: amt(v.samt ?? 0),
    csamt: amt(v.csamt ?? 0),
  };
}

const mapper: SectionMapper = {
  key: 'hsn',
  sheets: ['hsn', 'hsnb2b', 'hsnb2c'],
  create: (ctx) => {
    const split = hsnSplit(ctx.period);
    const oldLayout = hsnMandatory(ctx.period) === 'val';
    const lists: Record<Part, Record<string, unknown>[]> = { data: [], hsn_b2b: [], hsn_b2c: [] };
    const reported = new Set<string>();
    const strings = new StringPool();
    return {
      add(row) {
        const part = partFor(row.ctx.spec.id, split);
        if (!part) {
          // one finding per sheet: every row of it is rejected for the same reason
          const where = `${row.ctx.file}\u0000${row.ctx.sheet}`;
          if (!reported.has(where)) {
            reported.add(where);
            ctx.findings.push({
              code: 'HSN_SHEET_PERIOD', severity: 'error', file: row.ctx.file, sheet: row.ctx.sheet,
              params: {
                sheet: row.ctx.sheet,
                period: formatPeriod(ctx.period),
                // which layout the period takes: the catalogue words why the sheet does not fit it
                layout: split ? 'split' : 'single',
              },
            });
          }
          return false;
        }
        const list = lists[part];
        list.push(hsnItem(row.values, list.length + 1, split, oldLayout, strings));
        return true;
      },
      build() {
        const parts: Partial<Record<Part, Record<string, unknown>[]>> = split
          ? { hsn_b2b: lists.hsn_b2b, hsn_b2c: lists.hsn_b2c }
          : { data: lists.data };
        if (Object.values(parts).every((l) => l.length === 0)) return undefined;
        return { kind: 'object', parts };
      },
    };
  },
  *toRows(json): Generator<SheetRow> {
    if (!json || typeof json !== 'object') return;
    for (const [part, sheet] of Object.entries(PART_SHEET) as [Part, SheetId][]) {
      const list = (json as Record<string, unknown>)[part];
      if (!Array.isArray(list)) continue;
      for (const it of list as Record<string, unknown>[]) {
        const descs: Values = part === 'data'
          ? { ...(it.desc ? { desc: it.desc as string } : {}) }
          : { ...(it.desc ? { masterDesc: it.desc as string } : {}), ...(it.user_desc ? { desc: it.user_desc as string } : {}) };
        yield {
          sheet,
          values: {
            hsn: it.hsn_sc as string,
            ...descs,
            uqc: it.uqc as string,
            qty: String(it.qty ?? 0),
            rt: it.rt as number,
            // Total Value: reported before May 2021 (hsnItem writes it back for those periods)
            ...(it.val !== undefined ? { totalValue: paise(it.val) } : {}),
            txval: paise(it.txval),
            iamt: paise(it.iamt),
            camt: paise(it.camt),
            samt: paise(it.samt),
            csamt: paise(it.csamt),
          },
        };
      }
    }
  },
};

export default mapper;
