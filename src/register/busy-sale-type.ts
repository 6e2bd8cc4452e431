/**
 * Busy's "Sale Type": the tax class a sale was entered under. Busy's own names put the place and
 * the tax together — "L/GST-18%" (local: intra-State, 18 %), "I/GST-12%" (inter-State), a rate
 * taken from the item master ("MultiRate", "ItemWise") or tax-inclusive prices ("Local-TaxIncl",
 * "Central-TaxIncl"): busy.in FAQs on sale types. The rate, the tax and the place of supply come
 * from their own columns; the sale type adds what no other column says: a supply that is
 * "Exempt", "Nil Rated" or "Non-GST" ("L/GST-Exempt", "I/GST-Nil Rated", as in the QA report's
 * export), and an export or SEZ supply, read with the words every supply-type column is read
 * with ("Export (LUT)": without payment; "Export": decided by the tax, export-payment.ts).
 * A business may add sale types of its own names (Busy's Sale/Purchase Type master): one this
 * does not know is not guessed at (undefined; the reader warns and reads the line as taxable).
 */

/** The place prefix ("L/", "I/", "Local-", "Central-") and "GST-" that Busy's names start with. */
const PREFIX = /^\s*(?:(?:l|i|local|central|inter\s*-?\s*state)\s*[/-]\s*)?(?:gst\s*-?\s*)?/i;
/** Sale types of taxable supplies: a rate, a rate from the item master, or tax-inclusive prices. */
const TAXABLE = /^(?:\d+(?:\.\d+)?\s*%?|multi\s*-?\s*rate|item\s*-?\s*wise|tax\s*-?\s*incl(?:usive)?\.?|taxable)$/i;

/** What a Busy sale type says, as text a supply-type cell is read from; undefined for one not known. */
export function busySaleType(text: string): string | undefined {
  const rest = text.replace(PREFIX, '').trim();
  if (TAXABLE.test(rest)) return 'Regular';
  if (/\bexempt(ed)?\b/i.test(rest)) return 'Exempt';
  if (/\bnil\b/i.test(rest)) return 'Nil Rated';
  if (/\bnon\s*-?\s*gst\b/i.test(rest)) return 'Non-GST';
  if (/\b(exports?|sez)\b/i.test(rest)) return rest;
  return undefined;
}
