/**
 * Operational failures that stop reading a file (exit code 2): a code from the message
 * catalogue plus its parameters. Bad rows and cells are findings, not errors.
 */
import type { Params } from './finding.js';

export class Gstr1Error extends Error {
  constructor(
    readonly code: string,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'Gstr1Error';
  }
}

/** The input cannot be read at all: wrong format, damaged, missing. */
export class InputError extends Gstr1Error {
  override name = 'InputError';
}

/** A command-line or API option is wrong. */
export class OptionError extends Gstr1Error {
  override name = 'OptionError';
}
