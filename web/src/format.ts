/** How numbers are shown on the page: Indian digit grouping (1,23,456.00). */

const GROUP = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** Whole numbers: 1,23,456. */
export function count(n: number): string {
  return GROUP.format(n);
}

/**
 * Rupees with paise: 1,23,456.00. The amount is taken to whole paise first and the two parts are
 * printed apart, so no binary fraction ever shows.
 */
export function rupees(amount: number): string {
  const p = Math.round(amount * 100);
  const abs = Math.abs(p);
  const paise = String(abs % 100).padStart(2, '0');
  return `${p < 0 ? '-' : ''}${GROUP.format(Math.floor(abs / 100))}.${paise}`;
}

/** "1 error", "12 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
