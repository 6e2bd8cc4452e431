/**
 * Hints for the portal's own errors put on the user's rows. Such a finding carries the portal's
 * code and message and names its document ({section, document}); it carries nothing the local
 * rule of the same code measured (the reason, the digits allowed, a date's limit). Read with
 * that rule's hint, it would have blanks ("one of: .") or give the advice for one case of
 * several. A code whose rule hint needs more is given here one that needs nothing the portal
 * does not say (undefined: the rule's hint reads right, e.g. with the period's rates known);
 * portal-hints.test.ts renders every portal code of the catalogue so.
 */
import type { Params } from '../../model/finding.js';

export const PORTAL_HINTS: Readonly<Record<string, (p: Params) => string | undefined>> = {
  // the rate list comes from the return's period, when the run knows it
  RET191175: (p) => (p.rates ? undefined : 'Enter the full rate (IGST-equivalent, e.g. 18 rather than 9 + 9) from the GST rate list of the return period.'),
  // the portal's RET191114 covers the date's limits and, on some sections, the place of supply
  RET191114: () =>
    'Check the invoice date and its day/month/year order (not after the return period, not more than 18 months before it, not before your registration), and the place of supply.',
  RET191126: () =>
    'Check the note date and its day/month/year order: not after the return period, not before your registration, and within the time allowed for notes of its financial year.',
  RET191150: () =>
    'Check the place of supply and the tax heads: Integrated Tax for an inter-State supply, Central and State/UT tax in two equal halves within a State, and no tax on a supply without payment of tax.',
  RET191350: () => 'Give 4 to 8 digits of the HSN/SAC with an aggregate turnover up to Rs 5 crore in the preceding year, 6 to 8 above it.',
  RET191353: () => 'Use a UQC of the GST list, e.g. NOS-NUMBERS or KGS-KILOGRAMS; services (HSN starting 99) take NA.',
  RET191355: () => 'Give the quantity with at most 13 digits and 2 decimals; services (HSN starting 99) report 0.',
  RET191106: () =>
    "The portal could not accept this part of the JSON. Check the row's values against the template; if they look right, report it as a gstr1 bug with the portal's message.",
};

/** The code of a record an error report lists with no error code of its own nor of its group (no real report does). */
export const PORTAL_NO_CODE = 'PORTAL_ERROR';

/** A portal error that came with no message of its own: its code (if it had one), and the document it is about. */
export function portalWithoutMessage(p: Params, code: string): string {
  const document = p.document ? ` ${String(p.document)}` : '';
  return code === PORTAL_NO_CODE
    ? `The portal's error report lists${document || ' a document'} without an error code or message`
    : `The portal reported error ${code}${document ? ` for${document}` : ''}, without a message`;
}
