/**
 * Exports and SEZ supplies whose register does not say with or without payment of tax (ERPNext's
 * GST Category "Overseas" / "SEZ", Zoho's GST Treatment overseas / business_sez, a supply-type
 * cell reading only "Export" or "SEZ"): the document's tax decides. A document that carries none
 * went out under bond or LUT: WOPAY / SEWOP, its items at their GST rate (the portal takes them
 * with the rate and no IGST). Carrying none is: no IGST, CGST or SGST on any line, where the
 * register has tax-amount columns; rate 0 on every line, where it has only rates. Otherwise the
 * document stays with payment (WPAY / SEWP), as read.
 * The items' rate is the register's. Where it gives none (tax amounts blank, no rate column) or
 * only tax-rate columns at 0 (which say no tax was charged, not the goods' rate), rate 0 is
 * reported, and a warning at the document's first line says so.
 * A document's lines are judged together (DocumentHold); one whose lines lie apart in the sheet
 * keeps the decision made on its first lines, so that it is one document of one type.
 */
import type { Finding } from '../model/finding.js';
import type { DocumentJudge, SheetEntry, Where } from './blank-tax.js';
import { cellFinding } from './coerce.js';
import { docKey, type RegisterLine } from './line.js';

/** The line carries no tax: no tax amount, or (the register giving no amounts) rate 0. */
function carriesNoTax(l: RegisterLine, taxColumns: boolean): boolean {
  if ((l.iamt ?? 0) !== 0 || (l.camt ?? 0) !== 0 || (l.samt ?? 0) !== 0) return false;
  return taxColumns || l.rate === 0;
}

/** The line as a supply without payment of tax. */
function withoutPayment(l: RegisterLine): RegisterLine {
  return l.expType === 'WPAY' ? { ...l, expType: 'WOPAY' } : l.invType === 'SEWP' ? { ...l, invType: 'SEWOP' } : l;
}

/** Whether a line's type was decided by its document's tax, and which way: for --explain. */
export function paidByTax(l: RegisterLine): boolean | undefined {
  if (!l.byTax) return undefined;
  return !(l.expType === 'WOPAY' || l.invType === 'SEWOP');
}

/**
 * The judge deciding each such document's payment; `taxColumns`: the register has tax-amount
 * columns. Findings go to `sink` (none in a first pass that only totals documents).
 */
export function exportPaymentJudge(where: Where & { readonly taxColumns: boolean }, sink: { push(f: Finding): void }): DocumentJudge {
  /** document key → it went without payment */
  const decided = new Map<string, boolean>();
  return (entries: SheetEntry[]) => {
    const lines = entries.flatMap((e) => (e.line && !e.line.cancelled ? [e.line] : []));
    const first = lines.find((l) => l.byTax);
    if (!first) return;
    const key = docKey(first.kind, first.docNum);
    let without = decided.get(key);
    if (without === undefined) {
      without = lines.every((l) => carriesNoTax(l, where.taxColumns));
      decided.set(key, without);
    }
    if (!without) return;
    let warned = false;
    for (const e of entries) {
      if (!e.line?.byTax) continue;
      const l = (e.line = withoutPayment(e.line));
      // a rate the register does not give (blank amounts) or gives as "no tax charged" (a tax-rate column at 0)
      if (warned || l.cancelled || l.rate !== 0 || (l.rateFrom !== 'blank' && l.rateFrom !== 'rates')) continue;
      warned = true;
      const c = where.columns;
      const ref = l.rateFrom === 'rates' ? (c.igstRate ?? c.cgstRate ?? c.sgstRate) : (c.iamt ?? c.camt ?? c.samt ?? c.txval);
      sink.push({
        ...cellFinding('REGISTER_NO_TAX_RATE', 'warning', { file: where.file, sheet: where.sheet, row: e.raw.row }, ref, ref ? e.raw.cells[ref.col - 1] : undefined),
        params: { document: l.docNum, type: l.expType ?? l.invType, basis: l.rateFrom },
      });
    }
  };
}
