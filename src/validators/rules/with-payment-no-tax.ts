/**
 * WITH_PAYMENT_NO_TAX: a supply marked "with payment of tax" — an export WPAY (and notes on it,
 * EXPWP) or an SEZ supply SEWP — whose items all carry no IGST at rate 0. Such a document paid no
 * tax, so it is most likely an export or SEZ supply under bond/LUT (WOPAY, SEWOP) marked with the
 * wrong type; the IGST refund on exports paid with tax and the recipient's credit on SEZ supplies
 * both go by this type. A warning: a 0 % export with payment is possible, only unlikely.
 * Judged on the whole document (its lines in the sheet): one item at a rate is enough to pass.
 * State: the documents untaxed so far only; the run's document index (ctx.documents) says which
 * line is a document's first.
 *   pass: WPAY at 18 with IGST 18,000; WPAY with one item at 0 and one at 18
 *   fail: WPAY, every item at rate 0 with IGST blank or 0; SEWP at rate 0
 */
import type { Field, FieldValues } from '../../model/fields.js';
import type { Location } from '../../model/finding.js';
import type { SheetId } from '../../model/sheets.js';
import { at } from '../../parsers/rows.js';
import { DOCUMENT_SERIES, NONE } from '../doc-index.js';
import type { PassRule } from '../types.js';

/** Where each sheet says "with payment", and the word it says it with. */
const WITH_PAYMENT: Partial<Record<SheetId, { readonly field: Field; readonly type: string }>> = {
  exp: { field: 'expTyp', type: 'WPAY' }, expa: { field: 'expTyp', type: 'WPAY' },
  cdnur: { field: 'urType', type: 'EXPWP' }, cdnura: { field: 'urType', type: 'EXPWP' },
  b2b: { field: 'invTyp', type: 'SEWP' }, b2ba: { field: 'invTyp', type: 'SEWP' },
  cdnr: { field: 'invTyp', type: 'SEWP' }, cdnra: { field: 'invTyp', type: 'SEWP' },
  ecob2b: { field: 'docTyp', type: 'SEWP' }, ecourp2b: { field: 'docTyp', type: 'SEWP' },
  ecoab2b: { field: 'docTyp', type: 'SEWP' }, ecoaurp2b: { field: 'docTyp', type: 'SEWP' },
};

/** An item with rate 0 and no IGST (blank, as the template's rows leave it, or 0, as a JSON's). */
const untaxed = (v: Partial<FieldValues>) => v.rt === 0 && !v.iamt && !v.camt && !v.samt;

interface Doc {
  /** the first line's type cell, where the finding goes */
  readonly at: Location & { value?: string };
  readonly type: string;
}

const rule: PassRule = {
  kind: 'pass',
  code: 'WITH_PAYMENT_NO_TAX',
  severity: 'warning',
  sections: Object.keys(WITH_PAYMENT) as SheetId[],
  source: 'IGST Act s.16(3) (zero-rated supply under bond/LUT, or with payment of IGST and its refund); spec §3.12 (WPAY: IGST paid)',
  description:
    'A supply marked with payment of tax (export WPAY, note EXPWP, SEZ SEWP) whose items all carry no IGST at rate 0: likely an export or SEZ supply under bond/LUT (WOPAY, SEWOP) of the wrong type.',
  variants: [{ type: 'WPAY' }, { type: 'SEWP' }],
  check(ctx, report) {
    /**
     * only the documents whose lines so far all carry no tax, by sheet and number: a document's
     * first line is known from the run's document index, so a taxed one is never kept (on a large
     * return nearly all are taxed, and a record for each would grow with it)
     */
    const untaxedSoFar = new Map<string, Doc>();
    return {
      row(row) {
        const id = row.ctx.spec.id;
        const mark = WITH_PAYMENT[id];
        const v = row.values;
        if (!mark || v[mark.field] !== mark.type) return;
        const num = v[DOCUMENT_SERIES[id]!.field];
        if (typeof num !== 'string' || num === '') return;
        const first = ctx.documents.see(row) === NONE;
        // nothing to note: a taxed first line, or a later line when no document is untaxed so far
        if (first ? !untaxed(v) : untaxedSoFar.size === 0 || untaxed(v)) return;
        // a document's lines share its number within one sheet of one file
        const key = `${row.ctx.file}\u0000${row.ctx.sheet}\u0000${id}\u0000${num.toLowerCase()}`;
        if (first) untaxedSoFar.set(key, { at: at(row, mark.field), type: mark.type });
        else untaxedSoFar.delete(key);
      },
      finish() {
        for (const d of untaxedSoFar.values()) report.raw({ ...d.at, params: { type: d.type } });
      },
    };
  },
};
export default rule;
