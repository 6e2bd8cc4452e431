/**
 * Where a message is read, and how each place names what the user chose. The command line names
 * an option by its flag (--gstin); the web page by its form field ("GSTIN", web/index.html). There
 * is one message set: a message asks these words for the option it names, and the page's words
 * for a flag it has no field for fall back to the flag.
 */
export type Host = 'cli' | 'web';

/** The web page's form field for each flag a message may name. */
const WEB_FIELDS: Readonly<Record<string, string>> = {
  '--gstin': 'GSTIN',
  '--period': 'Return period',
  '--turnover': 'Turnover of the preceding year',
  '--sez': 'We are an SEZ unit or developer',
  '--pan': 'PAN of the authorised signatory',
  '--form': 'Form',
};

export interface HostWords {
  /** the option itself: `--gstin` / `GSTIN` */
  option(flag: unknown): string;
  /** an example of giving it: `--gstin 27AAACR5055K1Z7` / `27AAACR5055K1Z7 in GSTIN` */
  example(flag: unknown, value: string): string;
  /** how to give a missing one */
  add(flag: unknown): string;
  /** how to turn a yes/no option off: `drop --sez` / `untick "We are an SEZ unit or developer"` */
  unset(flag: unknown): string;
  /** how to read a file as a sales register when it was not */
  asRegister: string;
  /** how to map a register's own headers */
  mapHeaders: string;
  /** how to name a CSV file's sheet, after the advice to name the files (nothing on the page, which has no such field) */
  csvSection: string;
  /** a quarterly filer's period, after the monthly example (nothing on the page, whose period field takes MMYYYY) */
  quarterPeriod: string;
  /** how to send a GSTR-1A, after naming it */
  gstr1aForm: string;
  /** how to upload a GSTR-1A's amendments and missed documents */
  uploadGstr1a: string;
  /** how to upload and file the period's GSTR-1 (before its GSTR-1A), in brackets after saying so */
  uploadFileGstr1: string;
  /** how to see whether a return's sheets were recognised */
  checkSheets: string;
  /** how to file a nil return on purpose, as a sentence (the page files none: the command line does) */
  nilReturn: string;
}

export const CLI_WORDS: HostWords = {
  option: (flag) => String(flag ?? ''),
  example: (flag, value) => `${String(flag ?? '')} ${value}`,
  add: (flag) => `Add ${String(flag ?? '')}; see gstr1 --help.`,
  unset: (flag) => `drop ${String(flag ?? '')}`,
  asRegister: 'convert it with --layout register (or draft a mapping: gstr1 mapping init)',
  mapHeaders: 'gstr1 mapping init <file> writes a mapping to correct and pass with --mapping',
  csvSection: '; or pass --section for a CSV',
  quarterPeriod: ", or a quarterly filer's quarter, e.g. --period Q4-2024-25",
  gstr1aForm: ' (--form gstr1a)',
  uploadGstr1a: 'gstr1 upload --form gstr1a',
  uploadFileGstr1: 'gstr1 upload, gstr1 file',
  checkSheets: 'gstr1 validate',
  nilReturn: 'To file a nil return on purpose, use --nil.',
};

const field = (flag: unknown) => WEB_FIELDS[String(flag ?? '')];

const WEB: HostWords = {
  option: (flag) => field(flag) ?? CLI_WORDS.option(flag),
  example: (flag, value) => (field(flag) ? `${value} in ${field(flag)}` : CLI_WORDS.example(flag, value)),
  add: (flag) => (field(flag) ? `Fill in ${field(flag)}.` : CLI_WORDS.add(flag)),
  unset: (flag) => (field(flag) ? `untick "${field(flag)}"` : CLI_WORDS.unset(flag)),
  asRegister: 'choose its layout under Sales register options (or map its columns there)',
  mapHeaders: 'the page\'s "Map the register\'s columns" lets you pick the column for each field',
  csvSection: '',
  quarterPeriod: '',
  gstr1aForm: ' (GSTR-1A in Form)',
  uploadGstr1a: 'Upload to the portal, GSTR-1A in Form',
  uploadFileGstr1: 'GSTR-1 in Form: Upload to the portal, then File GSTR-1',
  checkSheets: 'press Check and look at Rows per sheet',
  nilReturn: 'A nil return is filed from the command line: gstr1 file --nil.',
};

export function hostWords(host: Host | undefined): HostWords {
  return host === 'web' ? WEB : CLI_WORDS;
}
