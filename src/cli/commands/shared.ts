/** Options and output shared by the commands that read a return. */
import type { Command } from 'cac';
import { rawOption, type CliIO } from '../io.js';
import type { ReturnOptions } from '../../engine/options.js';
import { isInputCode } from '../../report/messages/index.js';
import type { Finding } from '../../model/finding.js';

export function returnOptions(cmd: Command): Command {
  return cmd
    .option('--gstin <gstin>', 'your GSTIN (the supplier)')
    .option('--period <MMYYYY>', 'return period, e.g. 032025')
    .option('--sez', 'you are an SEZ unit or developer: every supply is IGST')
    .option('--section <sheet>', 'read every CSV as this sheet (b2b, cdnr, hsn(b2b)...)');
}

/** gstin/period as typed (cac would turn 032025 into 32025). */
export function readReturnOptions(io: CliIO, opts: Record<string, unknown>): ReturnOptions {
  return {
    gstin: rawOption(io.argv, 'gstin') ?? String(opts.gstin ?? ''),
    period: rawOption(io.argv, 'period') ?? String(opts.period ?? ''),
    sez: Boolean(opts.sez),
  };
}

/** 2 when some input could not be read, 1 when the return has errors, else 0. */
export function exitCodeFor(findings: readonly Finding[]): number {
  if (findings.some((f) => f.severity === 'error' && isInputCode(f.code))) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
