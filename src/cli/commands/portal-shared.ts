/**
 * Options and helpers shared by the commands that talk to the portal (upload, status, reset,
 * file). Their exit codes: 0 done; 1 the portal refused something or nothing was filed; 2 a usage
 * error, unreadable input or a failure; 3 not finished yet — run the same command again.
 */
import { IFF_OPTION, periodText } from './shared.js';
import { readFile } from 'node:fs/promises';
import type { Command } from 'cac';
import { InputError, OptionError } from '../../model/errors.js';
import { parseForm } from '../../model/form.js';
import { providerName } from '../../upload/config.js';
import type { RunOptions, ChunkResult } from '../../upload/run.js';
import { given, type Given } from '../../upload/prompt.js';
import { describeKey } from '../../upload/records.js';
import { hintOf, messageOf } from '../../report/messages/index.js';
import type { Notice } from '../../upload/journal.js';
import { pathOption, rawOption, type CliIO } from '../io.js';
import { readRegisterCliOptions, registerCliOptions } from '../register-options.js';
import type { RegisterOptions } from '../../register/index.js';
import { positiveInt } from '../../engine/options.js';
import { DEFAULT_MAX_BYTES } from '../../mappers/payload.js';

/** `readsJson`: the command takes retsave JSON files, whose GSTIN and period are the defaults (upload, file; not status, reset). */
export function portalOptions(cmd: Command, { readsJson = true } = {}): Command {
  return cmd
    .option('--provider <name>', 'the GSP API: whitebooks or sandbox')
    .option('--gstin <gstin>', readsJson ? 'your GSTIN (default: the one in the JSON)' : 'your GSTIN')
    .option('--period <MMYYYY>', readsJson ? 'return period (default: the JSON\'s fp)' : 'return period, e.g. 032025')
    .option('--form <form>', 'gstr1 (default), or gstr1a: amendments and missed documents of a period whose GSTR-1 is filed (from July 2024)')
    .option('--base-url <url>', 'provider address (https; http only to this machine, e.g. the emulator)')
    .option('--config <file>', 'JSON file with credentials, readable only by you (else environment variables)')
    .option('--otp <otp>', 'the OTP the portal sent the taxpayer; --otp=- reads it from standard input (else $GSTR1_OTP, else asked)')
    .option('--journal-dir <dir>', 'where the filing journal is kept (default: a per-user folder, see gstr1 status)')
    .option('--keep-session', 'keep the portal session between commands (owner-only file in the journal folder)')
    .option('--poll-ms <ms>', 'wait between status polls (default: 2 s, growing to 30 s)')
    .option('--wait <seconds>', 'stop waiting for the portal after this long; run again to continue', { default: 600 })
    .option('--verbose', 'print each request and reply (secrets hidden)');
}

/**
 * How spreadsheets convert to the chunks `upload` saves. `upload` and `file` both take these, so
 * the same command line converts to the same chunks (file compares them with what was saved).
 */
export function conversionOptions(cmd: Command): Command {
  return registerCliOptions(cmd)
    .option('--sez', 'you are an SEZ unit or developer: every supply is IGST')
    .option('--section <sheet>', 'read every CSV as this sheet')
    .option(...IFF_OPTION)
    .option('--quarterly', 'you file quarterly (QRMP): months 1-2 of a quarter are IFF months (b2b, b2ba, cdnr, cdnra, Table 15 b2b/urp2b only)')
    .option('--max-bytes <n>', 'largest payload per save', { default: DEFAULT_MAX_BYTES });
}

export interface Conversion {
  sez: boolean;
  maxBytes: number;
  section?: string;
  register: RegisterOptions;
}

/**
 * What decides the chunks a set of spreadsheets converts to, as given. --quarterly and --iff only
 * change upload's checks: upload reads them itself, file accepts them (the same command line) and
 * has no use for them.
 */
export function readConversionOptions(io: CliIO, opts: Record<string, unknown>): Conversion {
  return {
    sez: Boolean(opts.sez),
    maxBytes: positiveInt('--max-bytes', opts.maxBytes) ?? DEFAULT_MAX_BYTES,
    ...(opts.section !== undefined ? { section: String(opts.section) } : {}),
    register: readRegisterCliOptions(io, opts),
  };
}

export interface PayloadFile {
  readonly file: string;
  readonly text: string;
  readonly gstin?: string;
  readonly fp?: string;
}

/** Reads retsave JSON files (as written by gstr1 convert), checking each is a JSON object. */
export async function readPayloadFiles(files: readonly string[]): Promise<PayloadFile[]> {
  const out: PayloadFile[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new InputError('FILE_NOT_FOUND', { file });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new InputError('INPUT_JSON', { file, detail: 'not valid JSON' });
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new InputError('INPUT_JSON', { file, detail: 'not a JSON object' });
    const o = json as Record<string, unknown>;
    out.push({ file, text, ...(typeof o.gstin === 'string' ? { gstin: o.gstin } : {}), ...(typeof o.fp === 'string' ? { fp: o.fp } : {}) });
  }
  return out;
}

/** The run options from the command line; GSTIN and period default to the JSON's. */
export function runOptions(io: CliIO, opts: Record<string, unknown>, first?: PayloadFile): RunOptions {
  if (opts.provider === undefined) throw new OptionError('OPTION_REQUIRED', { option: '--provider' });
  const gstin = rawOption(io.argv, 'gstin') ?? (opts.gstin !== undefined ? String(opts.gstin) : first?.gstin ?? '');
  const period = periodText(rawOption(io.argv, 'period') ?? (opts.period !== undefined ? String(opts.period) : first?.fp ?? ''));
  const otp = secretOption(io, opts, 'otp', 'GSTR1_OTP');
  const verbose = Boolean(opts.verbose);
  const pollMs = opts.pollMs !== undefined ? Number(opts.pollMs) : undefined;
  if (pollMs !== undefined && (!Number.isFinite(pollMs) || pollMs < 0)) throw new OptionError('OPTION_NUMBER', { option: '--poll-ms', value: String(opts.pollMs) });
  const form = opts.form === undefined ? undefined : parseForm(String(opts.form));
  if (opts.form !== undefined && !form) throw new OptionError('UPLOAD_FORM', { value: String(opts.form) });
  const wait = Number(opts.wait ?? 600);
  if (!Number.isFinite(wait) || wait < 0) throw new OptionError('OPTION_NUMBER', { option: '--wait', value: String(opts.wait) });
  return {
    poll: { ...(pollMs !== undefined ? { intervalsMs: [pollMs] } : {}), maxWaitMs: wait * 1000 },
    gstin,
    period,
    ...(form && form !== 'gstr1' ? { form } : {}),
    provider: providerName(opts.provider),
    ...(opts.baseUrl ? { baseUrl: String(opts.baseUrl) } : {}),
    ...(opts.config ? { configFile: pathOption(io.argv, opts, 'config')! } : {}),
    ...(opts.journalDir !== undefined ? { journalDir: pathOption(io.argv, opts, 'journal-dir')! } : {}),
    onNotice: (n) => printNotice(io, n),
    keepSession: Boolean(opts.keepSession),
    ...(otp !== undefined ? { otp } : prompt(io, 'OTP sent to the taxpayer: ') ? { otp: (why?: Notice) => askAgain(io, 'OTP sent to the taxpayer: ', why) } : {}),
    ...(verbose ? { log: (line: string) => io.stderr.write(`${line}\n`) } : {}),
  };
}

/**
 * An OTP: from its flag (`-`: a line of standard input, so it never shows in `ps`), else from its
 * environment variable; undefined when neither gives one (it is then asked, on a terminal). Read
 * from standard input it is given, as a flag's value is: sent once, never asked for again.
 */
export function secretOption(io: CliIO, opts: Record<string, unknown>, name: 'otp' | 'evc-otp', envName: string): string | Given<string> | undefined {
  const flag = flagOf(io, opts, name);
  // one line each, by position, the taxpayer OTP's first: its line is read for the taxpayer OTP
  // even when a kept session needs none (then unused, as an unneeded --otp value is), so the EVC
  // OTP's line never shifts onto it
  if (flag === '-') return given(() => stdinLine(`--${name}`, name === 'evc-otp' && flagOf(io, opts, 'otp') === '-' ? 2 : 1));
  if (flag !== undefined) return flag;
  const env = process.env[envName];
  return env ? env.trim() : undefined;
}

function flagOf(io: CliIO, opts: Record<string, unknown>, name: 'otp' | 'evc-otp'): string | undefined {
  const key = name === 'otp' ? 'otp' : 'evcOtp';
  return rawOption(io.argv, name) ?? (opts[key] !== undefined ? String(opts[key]) : undefined);
}

let stdinLines: Promise<string[]> | undefined;

/** Line `n` (from 1) of standard input, read whole once: both OTPs may come from it, one a line. */
async function stdinLine(option: string, n: number): Promise<string> {
  stdinLines ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim());
  })();
  const lines = await stdinLines;
  const line = lines[n - 1];
  // the text after the last line break is a line only when it holds something
  if (line === undefined || (!line && n === lines.length)) throw new OptionError('UPLOAD_STDIN_LINE', { option, line: n });
  if (!line) throw new OptionError('UPLOAD_STDIN_LINE', { option, line: n, empty: true });
  return line;
}

/** A notice of the run (a journal repaired, the portal changed): its message and hint on stderr. */
export function printNotice(io: Pick<CliIO, 'stderr'>, n: Notice): void {
  const f = { code: n.code, params: n.params };
  io.stderr.write(`gstr1: ${messageOf(f)}\n`);
  const hint = hintOf(f);
  if (hint) io.stderr.write(`  ${hint}\n`);
}

/** Exit 3 and what is left, when the portal has not finished: the same command continues. */
export function notFinished(io: CliIO, pending: number, total: number): number {
  io.stderr.write(`\nNot finished: ${pending} of ${total} chunk(s) not processed yet. Run the same command again later to continue (exit code 3).\n`);
  return 3;
}

/** Can we ask the user (stdin is a terminal)? */
export function prompt(_io: CliIO, _q: string): boolean {
  return Boolean(process.stdin.isTTY);
}

/** Asks `question` on the terminal, saying first why it is asked again in this run (a code refused, a session expired). */
export async function askAgain(io: Pick<CliIO, 'stderr'>, question: string, why: Notice | undefined): Promise<string> {
  if (why) printNotice(io, why);
  return ask(question);
}

export async function ask(question: string): Promise<string> {
  // loaded when a question is asked: every other command starts without it
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** One line per chunk, and the first portal errors of each. */
export function printChunks(io: CliIO, chunks: readonly ChunkResult[], names: readonly string[] = [], maxErrors = 10): void {
  for (const c of chunks) {
    if (c.superseded) {
      // its errors were those of rows since uploaded again (or left out): not listed, not counted
      io.stdout.write(`chunk ${c.index} of an earlier upload: ${c.outcome.replace(/_/g, ' ')} [superseded by the latest upload]\n`);
      continue;
    }
    const name = names[c.index - 1] ? ` (${names[c.index - 1]})` : '';
    const ref = c.referenceId ? `, reference ${c.referenceId}` : '';
    const note = c.resumed ? ' [from an earlier run]' : '';
    io.stdout.write(`chunk ${c.index}${name}: ${OUTCOME_TEXT[c.outcome] ?? c.outcome}${ref}${note}\n`);
    if (c.answer) printAnswer(io, c.answer);
    for (const e of c.errors.slice(0, maxErrors)) io.stdout.write(`  ${e.code} ${describeKey(e.key)}: ${e.message}\n`);
    if (c.errors.length > maxErrors) io.stdout.write(`  ... and ${c.errors.length - maxErrors} more\n`);
  }
}

/** The portal's refusal of a chunk, in the catalogue's words, and what to do about it. */
function printAnswer(io: CliIO, n: Notice): void {
  io.stdout.write(`  ${messageOf(n)}\n`);
  const hint = hintOf(n);
  if (hint) io.stdout.write(`  ${hint}\n`);
}

/** 1 when the portal refused a chunk of the latest upload in whole or in part, else 0 (superseded chunks do not count). */
export function chunksExit(chunks: readonly ChunkResult[]): number {
  return chunks.some((c) => !c.superseded && REFUSED.includes(c.outcome)) ? 1 : 0;
}

const REFUSED: readonly string[] = ['refused', 'rejected', 'processed_with_errors'];

const OUTCOME_TEXT: Record<string, string> = {
  processed: 'processed',
  processed_with_errors: 'processed with errors (the rows listed were not saved)',
  rejected: 'rejected (nothing saved)',
  in_progress: 'still being processed; run the same command again later',
  applied_unconfirmed: 'received by the portal (its reply was lost, so its error report is not known)',
  refused: 'refused by the portal (nothing saved):',
  not_confirmed: 'sent, with no answer recorded (the save failed or its reply was lost); run gstr1 upload again: it asks the portal before sending anything twice',
};
