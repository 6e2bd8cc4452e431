/** Options and output shared by the commands that read a return. */
import type { Command } from 'cac';
import { rawOption, rawOptions, type CliIO } from '../io.js';
import type { ReturnOptions } from '../../engine/options.js';
import { isInputCode } from '../../report/messages/index.js';
import type { Finding } from '../../model/finding.js';
import { formatPeriod, parseQuarter } from '../../model/period.js';
import type { IffDocuments } from '../../validators/iff-documents.js';

export function returnOptions(cmd: Command): Command {
  return cmd
    .option('--gstin <gstin>', 'your GSTIN (the supplier)')
    .option('--period <MMYYYY>', 'return period, e.g. 032025')
    .option('--sez', 'you are an SEZ unit or developer: every supply is IGST')
    .option('--section <sheet>', 'read every CSV as this sheet (b2b, cdnr, hsn(b2b)...)');
}

/** gstin/period as typed (cac would turn 032025 into 32025); a quarter becomes its last month. */
export function readReturnOptions(io: CliIO, opts: Record<string, unknown>): ReturnOptions {
  return {
    gstin: rawOption(io.argv, 'gstin') ?? String(opts.gstin ?? ''),
    period: periodText(rawOption(io.argv, 'period') ?? String(opts.period ?? '')),
    sez: Boolean(opts.sez),
  };
}

/** `--period` as MMYYYY: a quarter (Q2-2025-26) is the quarter's last month. */
export function periodText(text: string): string {
  const q = parseQuarter(text);
  return q ? formatPeriod(q) : text;
}

/** A quarterly (QRMP) filer: `--quarterly`, or the period given as a quarter. */
export function quarterlyOption(io: CliIO, opts: Record<string, unknown>): boolean {
  return Boolean(opts.quarterly) || parseQuarter(rawOption(io.argv, 'period') ?? String(opts.period ?? '')) !== undefined;
}

/** `--iff <month.json>` (repeatable): the quarter's IFF months, read for the IFF_DUPLICATE rule. */
export const IFF_OPTION = ['--iff <file>', 'quarterly filer: an IFF month of this quarter, its JSON or spreadsheet (repeat for each); its documents must not be reported again'] as const;

export async function readIffOption(io: CliIO, opts: Record<string, unknown>): Promise<{ iffDocuments?: IffDocuments }> {
  if (opts.iff === undefined) return {};
  const typed = rawOptions(io.argv, 'iff');
  const files = typed.length ? typed : (Array.isArray(opts.iff) ? opts.iff : [opts.iff]).map(String);
  const { returnContext } = await import('../../engine/options.js');
  const { loadIffDocuments } = await import('../../api/iff-documents.js');
  const ctx = returnContext(readReturnOptions(io, opts));
  return { iffDocuments: await loadIffDocuments(files, ctx.gstin, ctx.period) };
}

/** 2 when some input could not be read, 1 when the return has errors, else 0. */
export function exitCodeFor(findings: readonly Finding[]): number {
  if (findings.some((f) => f.severity === 'error' && isInputCode(f.code))) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
