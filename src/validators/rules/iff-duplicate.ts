/**
 * IFF_DUPLICATE: a quarterly filer's documents furnished in an IFF month of the quarter (the
 * months' JSON given with `--iff`) are not reported again in a later month of the quarter: the
 * portal refuses the number (RET191111, "already exist in GSTR 1 of <period>"). Reported at the
 * document number, on every line of the document.
 *   pass: INV/5 in the 062025 return after an IFF of INV/1-INV/4; fail: INV/1 again
 */
import type { RowRule } from '../types.js';

const KIND = { b2b: 'invoice', b2ba: 'invoice', cdnr: 'note', cdnra: 'note' } as const;

const rule: RowRule = {
  kind: 'row',
  code: 'IFF_DUPLICATE',
  severity: 'error',
  sections: ['b2b', 'b2ba', 'cdnr', 'cdnra'],
  source: 'CGST Rule 59(2) (details furnished in the IFF are not furnished again in the quarter\'s GSTR-1); portal RET191111',
  description: 'Quarterly filer: a document already furnished in an IFF month of the quarter (given with --iff) is not reported again.',
  variants: [{ document: 'INV/1', period: '042025' }],
  // ctx.iffDocuments is not handed to another thread
  mappingThreadOnly: true,
  check(row, ctx, report) {
    const iff = ctx.iffDocuments;
    if (!iff) return;
    const sheet = row.ctx.spec.id as keyof typeof KIND;
    const kind = KIND[sheet];
    const field = kind === 'note' ? 'ntNum' : 'inum';
    const number = row.values[field];
    const ctin = row.values.ctin;
    if (!number || !ctin) return;
    const period = iff.periodOf(kind, ctin, number);
    if (period) report(row, field, { document: number, period });
  },
};
export default rule;
