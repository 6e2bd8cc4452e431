/**
 * RET191190: a document number may appear only once in the return, compared without case:
 * the lines of one invoice or note share its number within one sheet of one file, but the same
 * number in another section (b2b and b2cl, say) or in another file is a second document.
 * Invoices (b2b, b2cl, exp), notes (cdnr, cdnur), revised invoices (b2ba, b2cla, expa) and
 * revised notes (cdnra, cdnura) are four separate series.
 *   pass: INV/1 on three lines of b2b; fail: INV/1 in b2b and inv/1 in b2cl
 * State: one map entry per distinct number (lower-cased number → where it was first seen).
 */
import type { Field } from '../../model/fields.js';
import type { SheetId } from '../../model/sheets.js';
import type { SheetContext } from '../../parsers/rows.js';
import type { PassRule } from '../types.js';
import { compact } from '../shared.js';

interface Series {
  readonly name: string;
  readonly field: Field;
}
const SERIES: Partial<Record<SheetId, Series>> = {
  b2b: { name: 'i', field: 'inum' }, b2cl: { name: 'i', field: 'inum' }, exp: { name: 'i', field: 'inum' },
  cdnr: { name: 'n', field: 'ntNum' }, cdnur: { name: 'n', field: 'ntNum' },
  b2ba: { name: 'ia', field: 'inum' }, b2cla: { name: 'ia', field: 'inum' }, expa: { name: 'ia', field: 'inum' },
  cdnra: { name: 'na', field: 'ntNum' }, cdnura: { name: 'na', field: 'ntNum' },
};

/** Row numbers stay below this; a first sighting is stored as owner × ROWS + row. */
const ROWS = 2 ** 32;

const rule: PassRule = {
  kind: 'pass',
  code: 'RET191190',
  severity: 'error',
  sections: Object.keys(SERIES) as SheetId[],
  description:
    'Duplicate document number in the return (case-insensitive) across sections and files; lines of one document in one sheet share their number.',
  check(_ctx, report) {
    const first = new Map<string, number>();
    const owners: { file: string; sheet: string }[] = [];
    const ownerIndex = new Map<SheetContext, number>();
    return {
      row(row) {
        const s = SERIES[row.ctx.spec.id]!;
        const num = row.values[s.field] as string | undefined;
        if (!num) return;
        // one owner per sheet of a file (a sheet is read once, so its context is its identity)
        let owner = ownerIndex.get(row.ctx);
        if (owner === undefined) {
          owner = owners.length;
          owners.push({ file: row.ctx.file, sheet: row.ctx.sheet });
          ownerIndex.set(row.ctx, owner);
        }
        const key = `${s.name}:${num.toLowerCase()}`;
        const seen = first.get(key);
        if (seen === undefined) {
          first.set(compact(key), owner * ROWS + row.row);
          return;
        }
        const seenOwner = Math.floor(seen / ROWS);
        if (seenOwner === owner) return;
        const o = owners[seenOwner]!;
        report(row, s.field, { number: num, firstSheet: o.sheet, firstFile: o.file, firstRow: seen % ROWS });
      },
    };
  },
};
export default rule;
