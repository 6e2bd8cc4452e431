/**
 * What the user gives or is asked for in a run: the OTPs, the go-ahead to reset. Kept apart from
 * the run itself so the command line can say how a value comes without loading the upload layer.
 */
import type { Notice } from './journal.js';

/**
 * A value the CLI takes from a flag, or asks for. Given (a value, or `given` read when first
 * needed, e.g. from standard input) it is sent as it is and never asked for again. Asked (a
 * function), it may be asked again in one run, and is then told why (a catalogue notice: the
 * code before was refused, the session expired) to say with the question.
 */
export type Prompt<T> = T | Given<T> | ((why?: Notice) => Promise<T>);

/** A value given once but read only when first needed (a line of standard input): the same every time. */
export interface Given<T> {
  readonly given: () => Promise<T>;
}

export function given<T>(read: () => Promise<T>): Given<T> {
  let value: Promise<T> | undefined;
  return { given: () => (value ??= read()) };
}

export async function ask<T>(p: Prompt<T>, why?: Notice): Promise<T> {
  if (isAsked(p)) return p(why);
  return isGiven(p) ? p.given() : p;
}

/** Is it asked of someone (who may be asked again), rather than given? */
export function isAsked<T>(p: Prompt<T>): p is (why?: Notice) => Promise<T> {
  return typeof p === 'function';
}

function isGiven<T>(p: Prompt<T>): p is Given<T> {
  return typeof p === 'object' && p !== null && typeof (p as Partial<Given<T>>).given === 'function';
}
