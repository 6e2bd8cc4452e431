import type { Params } from '../../model/finding.js';
import type { HostWords } from './hosts.js';

/**
 * A code's wording. `w` names the options the way the place the message is read does (the
 * command line's flags, the web page's fields: see hosts.ts); an entry that names one defaults it
 * to the command line's (`w = CLI_WORDS`).
 */
export interface MessageEntry {
  readonly message: (p: Params, w?: HostWords) => string;
  readonly hint: (p: Params, w?: HostWords) => string;
  /** the input cannot be read as a return (exit code 2 rather than 1) */
  readonly input?: boolean;
}
