/**
 * Dates as the catalogue prints them: dd-mm-yyyy, as the portal and the template show them. A
 * finding keeps its dates as data: a date cell's value as read (yyyy-mm-dd), a moment as an ISO
 * timestamp (UTC). Anything else (a date typed 03/10/2025 or 3-Oct-2025, a value that is not a
 * date) is printed as it came: the user finds it so in the cell.
 */
import { showDate } from '../../validators/shared.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/;

/** 2025-10-03 → 03-10-2025; 2025-10-03T17:49:02.123Z → 03-10-2025 17:49 UTC. */
export function dateShown(v: unknown): string {
  const text = v === undefined ? '' : String(v);
  if (ISO_DATE.test(text)) return showDate(text);
  const m = ISO_MOMENT.exec(text);
  return m ? `${showDate(m[1]!)} ${m[2]} UTC` : text;
}

/**
 * A cell's value quoted from a column: a date column's (its header or field name says "date":
 * Invoice date, Document Date, Shipping Bill Date...) as a date, any other's as it came (an
 * invoice number 2025-10-03 is not turned round).
 */
export function columnValue(v: unknown, header: unknown): string {
  return /\bdate\b/i.test(header === undefined ? '' : String(header)) ? dateShown(v) : v === undefined ? '' : String(v);
}
