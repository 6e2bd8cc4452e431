/**
 * Messages about one line of a sales register checked against the return it makes: its tax
 * amounts against taxable value × rate (src/register/line-tax.ts).
 */
import { rupeeAmount as rs } from './amount.js';
import type { MessageEntry } from './types.js';

const s = (v: unknown) => (v === undefined ? '' : String(v));
const HEAD_NAMES: Readonly<Record<string, string>> = { iamt: 'IGST', camt: 'CGST', samt: 'SGST/UTGST' };
const head = (v: unknown) => HEAD_NAMES[s(v)] ?? s(v);

export const REGISTER_LINE_MESSAGES: Record<string, MessageEntry> = {
  REGISTER_TAX_MISMATCH: {
    message: (p) => {
      const given = `${head(p.head)} of Rs ${rs(p.given)}`;
      const at = (rate: unknown) => `${s(rate)} %${p.diffPercent !== undefined ? ` (${s(p.diffPercent)} % of the rate)` : ''} of the taxable value Rs ${rs(p.txval)}`;
      switch (p.reason) {
        case 'no-tax':
          return `The register shows ${given}, but this supply would carry no tax in the return (nil-rated, exempt, or an export or SEZ supply without payment)`;
        case 'intra':
          return `The register shows ${given}, but the supply is intra-State: the return would carry CGST and SGST/UTGST instead, together ${at(p.rate)}`;
        case 'inter':
          return `The register shows ${given}, but the supply is inter-State: the return would carry IGST of ${at(p.rate)} instead`;
        default:
          return `The register shows ${given}, but ${at(p.headRate)} gives Rs ${rs(p.expected)}, which is what the return would carry`;
      }
    },
    hint: () =>
      'Correct the tax amount, the taxable value, the rate or the place of supply in the books so that they agree, then export the register again; the return cannot differ from your books.',
  },
};
