import type { Params } from '../../model/finding.js';

export interface MessageEntry {
  readonly message: (p: Params) => string;
  readonly hint: (p: Params) => string;
  /** the input cannot be read as a return (exit code 2 rather than 1) */
  readonly input?: boolean;
}

