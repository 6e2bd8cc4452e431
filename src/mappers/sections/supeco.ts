/**
 * supeco (Table 14, from the January 2024 period), sheet `eco`: supplies made through e-commerce
 * operators, split by the operator's liability: `clttx` (collects TCS u/s 52) and `paytx` (pays
 * tax u/s 9(5)). One record per operator; rows repeating an operator are summed. Amounts are
 * carried as given (net figures, may be negative; blank = 0), with the tax keys spelled out.
 *   sheet row: Liable to collect tax u/s 52(TCS) | 27AAACF0000A1CZ | Shop Co | 10000 | 0 | 900 | 900 | 0
 *   JSON:      {clttx:[{etin:"27AAACF0000A1CZ", suppval:10000, igst:0, cgst:900, sgst:900, cess:0}]}
 */
import { ECO_NATURES } from '../../model/labels.js';
import { at } from '../../parsers/rows.js';
import { amt, fromOmon, omon, paise } from '../convert.js';
import type { SectionMapper, SheetRow } from '../types.js';

interface EcoRecord {
  omon?: string;
  oetin?: string;
  etin: string;
  suppval: number;
  igst: number;
  cgst: number;
  sgst: number;
  cess: number;
}

const NATURES = ECO_NATURES.map((n) => n.code);

/** supeco (sheet eco) or, amended, supecoa (sheet ecoa: parts clttxa/paytxa with omon and oetin). */
export function ecoMapper(amended: boolean): SectionMapper {
  const suffix = amended ? 'a' : '';
  const sheet = amended ? 'ecoa' : 'eco';
  return {
    key: amended ? 'supecoa' : 'supeco',
    sheets: [sheet],
    create: (ctx) => {
      const parts = new Map<string, Map<string, EcoRecord>>(NATURES.map((n) => [n + suffix, new Map()]));
      return {
        add(row) {
          const v = row.values;
          const list = parts.get(`${v.ecoNature}${suffix}`);
          if (!list) {
            ctx.findings.push({
              code: 'CELL_INVALID_CHOICE', severity: 'error', ...at(row, 'ecoNature'),
              params: { allowed: ECO_NATURES.map((n) => n.label).join(', ') },
            });
            return false;
          }
          const om = amended ? omon(v.fy!, v.omonth!) : undefined;
          const etin = v.etin ?? '';
          const key = amended ? `${om}|${v.oetin ?? ''}|${etin}` : etin;
          let r = list.get(key);
          if (!r) {
            r = { ...(amended ? { omon: om!, oetin: v.oetin ?? '' } : {}), etin, suppval: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 };
            list.set(key, r);
          }
          r.suppval += v.suppval ?? 0;
          r.igst += v.iamt ?? 0;
          r.cgst += v.camt ?? 0;
          r.sgst += v.samt ?? 0;
          r.cess += v.csamt ?? 0;
          return true;
        },
        build() {
          const out: Record<string, unknown[]> = {};
          for (const [part, list] of parts) {
            if (list.size === 0) continue;
            out[part] = [...list.values()].map((r) => ({
              ...(amended ? { omon: r.omon, oetin: r.oetin } : {}),
              etin: r.etin,
              suppval: amt(r.suppval),
              igst: amt(r.igst),
              cgst: amt(r.cgst),
              sgst: amt(r.sgst),
              cess: amt(r.cess),
            }));
          }
          return Object.keys(out).length ? { kind: 'object', parts: out } : undefined;
        },
      };
    },
    *toRows(json): Generator<SheetRow> {
      if (!json || typeof json !== 'object') return;
      for (const nature of NATURES) {
        const list = (json as Record<string, unknown>)[nature + suffix];
        if (!Array.isArray(list)) continue;
        for (const r of list as Record<string, unknown>[]) {
          yield {
            sheet,
            values: {
              ecoNature: nature,
              ...(amended ? { ...fromOmon(r.omon as string), oetin: r.oetin as string } : {}),
              etin: r.etin as string,
              suppval: paise(r.suppval),
              iamt: paise(r.igst),
              camt: paise(r.cgst),
              samt: paise(r.sgst),
              csamt: paise(r.cess),
            },
          };
        }
      }
    },
  };
}

export default ecoMapper(false);
