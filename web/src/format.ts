/** How numbers are shown on the page: Indian digit grouping (1,23,456.00), by the message catalogue's one formatter. */
import { formatPaise } from '../../src/model/money.js';
import { rupeeAmount } from '../../src/report/messages/amount.js';

/** Whole numbers: 1,23,456. */
export function count(n: number): string {
  return rupeeAmount(String(Math.round(n)));
}

/**
 * Rupees with paise: 1,23,456.00. The amount is taken to whole paise first and printed as
 * decimal text, so no binary fraction ever shows.
 */
export function rupees(amount: number): string {
  return rupeeAmount(formatPaise(Math.round(amount * 100)));
}

/** "1 error", "12 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A failure's message and fix hint as one text: the catalogue's messages carry no full stop of their own. */
export function failureText(message: string, hint: string): string {
  if (!hint) return message;
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} ${hint}`;
}
