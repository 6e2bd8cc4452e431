/**
 * A document's value when the register has no invoice-value column: what its JSON items will
 * carry. The mappers sum a document's lines of one rate into one item and tax the item's total
 * (computeTax, half-up), so the value is worked out the same way, in integer paise: lines taxed
 * one by one would drift from the items by a paisa a line.
 */
import { taxHead } from '../model/money.js';
import { isInterState, type ReturnContext } from '../model/return.js';
import type { RegisterLine } from './line.js';

interface DocumentTotal {
  /** how the document is taxed: decided by its first line, as the mappers do */
  readonly inter: boolean;
  readonly noTax: boolean;
  readonly diffPercent: number;
  /** taxable value per rate (paise) */
  readonly byRate: Map<number, number>;
  /** nil, exempt and non-GST lines: their value, no tax */
  untaxed: number;
  cess: number;
}

export class DocumentValues {
  private readonly docs = new Map<string, DocumentTotal>();

  constructor(private readonly ctx: ReturnContext) {}

  add(key: string, line: RegisterLine): void {
    let d = this.docs.get(key);
    if (!d) {
      const noTax = line.invType === 'SEWOP' || line.expType === 'WOPAY';
      const inter = line.expType !== undefined || isInterState(this.ctx, line.pos, line.invType);
      d = { inter, noTax, diffPercent: line.diffPercent, byRate: new Map(), untaxed: 0, cess: 0 };
      this.docs.set(key, d);
    }
    if (line.category !== 'taxable') {
      d.untaxed += line.txval;
      return;
    }
    d.byRate.set(line.rate, (d.byRate.get(line.rate) ?? 0) + line.txval);
    d.cess += line.csamt ?? 0;
  }

  /** Each document's value, paise: its items' taxable value, tax and cess, and its untaxed lines. */
  values(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [key, d] of this.docs) {
      let value = d.untaxed;
      for (const [rate, txval] of d.byRate) {
        value += txval;
        if (d.noTax) continue;
        // a note's amounts may be negative: taxed on the magnitude, as the mappers do
        const head = Math.sign(txval) * taxHead(Math.abs(txval), rate, d.inter, d.diffPercent);
        value += d.inter ? head : 2 * head;
      }
      // with no tax the items carry no cess either
      if (!d.noTax) value += d.cess;
      out.set(key, value);
    }
    return out;
  }
}
