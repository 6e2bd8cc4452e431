/**
 * Amounts as the catalogue prints them: Indian digit grouping, as the portal and every Indian
 * ledger show them (30,60,251.00: thousands, then lakhs and crores in pairs of digits). The
 * amount arrives as decimal text (formatPaise's "3060251.00", or a cell's "3060251"); the digits
 * are regrouped as text, so no binary fraction can creep in. Anything that is not a plain
 * decimal (a blank, a typo, "1,00,000" already grouped) is printed as it came.
 */
export function rupeeAmount(v: unknown): string {
  const text = v === undefined ? '' : String(v);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  if (!m) return text;
  const [, sign, whole, fraction = ''] = m as unknown as [string, string, string, string | undefined];
  let head = whole.slice(0, -3);
  const groups = [whole.slice(-3)];
  for (; head.length > 0; head = head.slice(0, -2)) groups.unshift(head.slice(-2));
  return `${sign}${groups.join(',')}${fraction}`;
}
