/**
 * RET191117: Table 12 takes one row per (HSN, UQC, rate) in each table (hsn, hsn(b2b),
 * hsn(b2c)), across all files of the return; the offline tool says "Record with same HSN, UQC &
 * Rate already exists". Add the rows together instead.
 *   pass: 8471/NOS/18 and 8471/NOS/12; fail: 8471/NOS/18 twice in hsn(b2b)
 * State: one map entry per distinct (table, HSN, UQC, rate).
 */
import type { SheetContext } from '../../parsers/rows.js';
import type { PassRule } from '../types.js';
import { StringPool } from '../../model/columns.js';
import { HSN_SHEETS } from '../shared.js';

const ROWS = 2 ** 32;

const rule: PassRule = {
  kind: 'pass',
  code: 'RET191117',
  severity: 'error',
  sections: HSN_SHEETS,
  source: 'Offline Tool 3.2.4 `UNIQUE_HSN_COMBINATION_ERRMESSAGE`; portal RET191117',
  description: 'HSN summary: the same HSN, UQC and rate may appear on one row only per table (B2B, B2C), across all files.',
  check(_ctx, report) {
    const first = new Map<string, number>();
    const keys = new StringPool();
    const owners: { file: string; sheet: string }[] = [];
    const ownerIndex = new Map<SheetContext, number>();
    return {
      row(row) {
        const v = row.values;
        if (!v.hsn) return;
        // one owner per sheet of a file (a sheet is read once, so its context is its identity)
        let owner = ownerIndex.get(row.ctx);
        if (owner === undefined) {
          owner = owners.length;
          owners.push({ file: row.ctx.file, sheet: row.ctx.sheet });
          ownerIndex.set(row.ctx, owner);
        }
        const key = `${row.ctx.spec.id}\u0000${v.hsn}\u0000${v.uqc ?? ''}\u0000${v.rt ?? ''}`;
        const seen = first.get(key);
        if (seen === undefined) {
          first.set(keys.keep(key), owner * ROWS + row.row);
          return;
        }
        const o = owners[Math.floor(seen / ROWS)]!;
        report(row, 'hsn', { hsn: v.hsn, uqc: v.uqc ?? '', rate: v.rt ?? '', firstSheet: o.sheet, firstFile: o.file, firstRow: seen % ROWS });
      },
    };
  },
};
export default rule;
