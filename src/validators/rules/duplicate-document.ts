/**
 * RET191190: a document number may appear only once in the return, compared without case:
 * the lines of one invoice or note share its number within one sheet of one file, but the same
 * number in another section (b2b and b2cl, say) or in another file is a second document.
 * Invoices (b2b, b2cl, exp), notes (cdnr, cdnur), revised invoices (b2ba, b2cla, expa) and
 * revised notes (cdnra, cdnura) are four separate series.
 *   pass: INV/1 on three lines of b2b; fail: INV/1 in b2b and inv/1 in b2cl
 * State: the run's shared document index (ctx.documents): one entry per distinct number.
 */
import type { SheetId } from '../../model/sheets.js';
import { DOCUMENT_SERIES, NONE } from '../doc-index.js';
import type { PassRule } from '../types.js';

const rule: PassRule = {
  kind: 'pass',
  code: 'RET191190',
  severity: 'error',
  sections: Object.keys(DOCUMENT_SERIES) as SheetId[],
  source: 'portal RET191190 (GSTN error-code list); the Offline Tool matches numbers case-insensitively',
  description:
    'Duplicate document number in the return (case-insensitive) across sections and files; lines of one document in one sheet share their number.',
  check(ctx, report) {
    const docs = ctx.documents;
    return {
      row(row) {
        const seen = docs.see(row);
        if (seen === NONE || docs.sameOwner(seen)) return;
        const field = DOCUMENT_SERIES[row.ctx.spec.id]!.field;
        const o = docs.first(seen);
        report(row, field, { number: row.values[field] as string, firstSheet: o.sheet, firstFile: o.file, firstRow: o.row });
      },
    };
  },
};
export default rule;
