/**
 * Row values (the coerced form the mappers use: ISO dates, paise, codes) back to cells as a
 * person types them in the template: `27-Maharashtra`, `Regular B2B`, `KGS-KILOGRAMS`, `2024-25`,
 * `APRIL`, real date cells, amounts in rupees. Reading a rendered cell back gives the same value.
 */
import { FIELD_KINDS, type Field } from '../../model/fields.js';
import { DOC_NATURES, ECOM_DOC_TYPES, ECO_NATURES, INVOICE_TYPES, MONTHS, NIL_SUPPLY_TYPES, posLabel, uqcLabel } from '../../model/labels.js';
import { paiseToNumber } from '../../model/money.js';
import { fyLabel } from '../../model/period.js';
import { isCalendarDay } from '../../mappers/convert.js';

/** What a cell holds: text, a number, or a date (UTC midnight). */
export type TemplateCell = string | number | Date;

export const DATE_FORMAT = 'dd-mmm-yyyy';
export const AMOUNT_FORMAT = '0.00';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function labelOf(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((x) => x.code === code)?.label ?? code;
}

/** Table 13 nature: the coerced value is its position (1-12); a text is kept. */
function docNatureLabel(v: unknown): string {
  const n = typeof v === 'number' ? v : /^\d{1,2}$/.test(String(v)) ? Number(v) : undefined;
  return n !== undefined && DOC_NATURES[n - 1] ? DOC_NATURES[n - 1]! : String(v);
}

/** A value as the cell the template expects, or undefined for a blank cell. */
export function cellValue(field: Field, v: unknown): TemplateCell | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  switch (field) {
    case 'nilDesc':
      return labelOf(NIL_SUPPLY_TYPES, String(v));
    case 'docNature':
      return docNatureLabel(v);
    case 'ecoNature':
      return labelOf(ECO_NATURES, String(v));
    case 'docTyp':
      return labelOf(ECOM_DOC_TYPES, String(v));
    default:
      break;
  }
  switch (FIELD_KINDS[field]) {
    case 'date': {
      // a day the calendar does not have (2025-09-31) stays text: Date.UTC would roll it over
      const m = ISO_DATE.exec(String(v));
      const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
      return m && isCalendarDay(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : String(v);
    }
    case 'money':
      return typeof v === 'number' ? paiseToNumber(v) : String(v);
    case 'rate':
    case 'int':
      return typeof v === 'number' ? v : String(v);
    case 'percent':
      // blank means the full rate
      return v === 100 ? undefined : typeof v === 'number' ? v : String(v);
    case 'pos':
      return posLabel(String(v));
    case 'invtype':
      return labelOf(INVOICE_TYPES, String(v));
    case 'uqc':
      return uqcLabel(String(v));
    case 'qty': {
      const n = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(n) && String(v).trim() !== '' ? n : String(v);
    }
    case 'fy':
      return typeof v === 'number' ? fyLabel(v) : String(v);
    case 'month':
      return typeof v === 'number' && MONTHS[v - 1] ? MONTHS[v - 1]! : String(v);
    default:
      return String(v);
  }
}
