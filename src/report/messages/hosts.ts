/**
 * Where a message is read, and how each place names what the user chose. The command line names
 * an option by its flag (--gstin); the web page by its form field ("GSTIN", web/index.html). There
 * is one message set: a message asks these words for the option it names, and the page's words
 * for a flag it has no field for fall back to the flag. So for the steps of the portal work: the
 * command line runs a command (gstr1 upload), the page has a button (Upload to the portal) and no
 * command line, so a hint the page shows names no command or option (hosts.test.ts checks every
 * code it can meet).
 */
import { formLabel, parseForm } from '../../model/form.js';

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
  /** a quarterly filer's period, after the monthly example (the page's period field takes a quarter too) */
  quarterPeriod: string;
  /** how to send a GSTR-1A, after naming it */
  gstr1aForm: string;
  /** how to upload a GSTR-1A's amendments and missed documents */
  uploadGstr1a: string;
  /** how to upload and file the period's GSTR-1 (before its GSTR-1A), in brackets after saying so */
  uploadFileGstr1: string;
  /** how to see whether a return's sheets were recognised */
  checkSheets: string;
  /** how to file a nil return on purpose, as a sentence (the page files none) */
  nilReturn: string;
  // The steps of the portal work as each reader takes them: a command to run, a button to press.
  /** the verb of taking a step again: `run` (a command) / `press` (a button) */
  run: string;
  /** the step just taken: `the same command` / `the same button` */
  same: string;
  /** a step that failed, taken again: `run again` / `press the button again` */
  again: string;
  /** where what the portal holds for the return is seen */
  seeStatus: string;
  /** the upload step */
  uploadStep: string;
  /** the filing step */
  fileStep: string;
  /** how to check a return's data before upload */
  checkReturn: string;
  /** how to file what was uploaded when the files given differ from it, after "or" */
  fileUploaded: string;
  /** for files given to file that match no uploaded chunk: the conversion options must be upload's (empty where they cannot differ) */
  sameConversion: string;
  /** where the provider's address is set */
  providerAddress: string;
  /** how to give the provider's credentials, as a sentence */
  setCredentials: string;
  /** how to give the taxpayer's OTP, as a sentence */
  giveOtp: string;
  /** what to do with a provider reply this tool cannot read, as a sentence */
  reportReply: string;
  /** where more about a provider's error is learnt, after "See the provider code; " */
  providerDetails: string;
  /** where the current template comes from, in brackets */
  templateFrom: string;
  /** another way to see every finding when the annotated workbook is too large, after "or" */
  findingsList: string;
  /** where a status reply saved from the portal comes from, in brackets */
  statusSource: string;
  /** how to make a column mapping anew, as a sentence */
  draftMapping: string;
  /** a step taken again after the input file was put right and saved, after "save, ": `and run again` / choose it again, then the button */
  againWithFile: string;
  /**
   * Something done on the machine the tool runs on (its files, folders, environment, start), from
   * the start of a sentence. The command line's reader is at that machine and is told `cli`; the
   * page's reader may not be whoever set the page up, and has no terminal and none of its files:
   * they ask that person to do `task` (no command, option or path of that machine in it).
   */
  onServer(cli: string, task: string): string;
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
  run: 'run',
  same: 'the same command',
  again: 'run again',
  seeStatus: 'gstr1 status',
  uploadStep: 'gstr1 upload',
  fileStep: 'gstr1 file',
  checkReturn: 'gstr1 validate',
  fileUploaded: 'file without files to file what was uploaded',
  sameConversion:
    ' If these are the files uploaded, give file the conversion options upload had (--max-bytes, --section, --sez, --quarterly, --layout, --mapping, --preset): the files are cut into the same chunks only then.',
  providerAddress: '--base-url',
  setCredentials: 'Set the environment variables, or put them in a config file readable only by you (chmod 600) and pass --config.',
  giveOtp: 'Give the OTP sent to the taxpayer (--otp), or run interactively to be asked.',
  reportReply: 'Run again with --verbose and report the (redacted) output.',
  providerDetails: 'run again with --verbose for details',
  templateFrom: 'gstr1 template writes it',
  findingsList: 'list the findings with gstr1 validate --report findings.csv',
  statusSource: 'gstr1 status prints it',
  draftMapping: 'Draft a new one with gstr1 mapping init <register file>, then correct the header names in it.',
  againWithFile: 'and run again',
  onServer: (cli) => cli,
};

const field = (flag: unknown) => WEB_FIELDS[String(flag ?? '')];
/** A value as the page's field shows it: its Form lists GSTR-1 and GSTR-1A, not gstr1 and gstr1a. */
const shown = (flag: unknown, value: string) => (flag === '--form' && parseForm(value) ? formLabel(parseForm(value)!) : value);

const WEB: HostWords = {
  option: (flag) => field(flag) ?? CLI_WORDS.option(flag),
  example: (flag, value) => (field(flag) ? `${shown(flag, value)} in ${field(flag)}` : CLI_WORDS.example(flag, value)),
  add: (flag) => (field(flag) ? `Fill in ${field(flag)}.` : CLI_WORDS.add(flag)),
  unset: (flag) => (field(flag) ? `untick "${field(flag)}"` : CLI_WORDS.unset(flag)),
  asRegister: 'choose its layout under Sales register options (or map its columns there)',
  mapHeaders: 'the page\'s "Map the register\'s columns" lets you pick the column for each field',
  csvSection: '',
  quarterPeriod: ", or a quarterly filer's quarter, e.g. Q4-2024-25",
  gstr1aForm: ' (GSTR-1A in Form)',
  uploadGstr1a: 'Upload to the portal, GSTR-1A in Form',
  uploadFileGstr1: 'GSTR-1 in Form: Upload to the portal, then File GSTR-1',
  checkSheets: 'press Check and look at Rows per sheet',
  // the page's Upload and File buttons always send the chosen files: a return with none is not filed from it
  nilReturn: 'A nil return is not filed from this page: file it on the GST portal.',
  run: 'press',
  same: 'the same button',
  again: 'press the button again',
  seeStatus: 'Upload status',
  uploadStep: 'Upload to the portal',
  fileStep: 'the File button',
  checkReturn: 'press Check',
  fileUploaded: 'choose the files that were uploaded',
  // the page uploads and files with the same options
  sameConversion: '',
  // the server holds the address and the credentials: whoever set it up changes them, not the page
  providerAddress: 'the provider address this page uses (ask whoever set it up)',
  setCredentials: 'Ask whoever set up this page to give it the credentials (in its environment, or in a credentials file readable only by them) and to start it again.',
  // the page asks for the OTP itself when the portal wants one
  giveOtp: 'Press the button again and type the OTP sent to the taxpayer when the page asks for it.',
  reportReply: 'Try again later; if it keeps happening, report it, naming the provider and the time.',
  providerDetails: 'the provider can say what it means',
  templateFrom: 'download the blank one at the top of this page',
  findingsList: 'download the findings (CSV) instead',
  statusSource: 'from the portal or the provider',
  draftMapping: 'Map the register\'s columns again under Sales register options, or import a corrected mapping file.',
  // the browser read the file when it was chosen: a copy saved since is read once chosen again
  againWithFile: 'choose it again on this page and press the button again',
  onServer: (_cli, task) => `Ask whoever set up this page to ${task}`,
};

export function hostWords(host: Host | undefined): HostWords {
  return host === 'web' ? WEB : CLI_WORDS;
}
