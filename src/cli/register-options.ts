/**
 * The command-line side of registers, for the commands that read a return (convert, validate,
 * split): the options, reading them, and printing what the register's classification did.
 *   registerCliOptions(cmd)                      → --layout, --mapping, --preset, --explain
 *   readRegisterCliOptions(io, opts)             → RegisterOptions (explanations printed as rows go)
 *   printRegisterSummary(io, run)                → the per-section table and the series found
 */
import type { Command } from 'cac';
import type { RegisterOptions, RegisterRun } from '../register/index.js';
import { explainLine, formatRegisterSummary } from '../register/summary.js';
import { rawOption, type CliIO } from './io.js';

export function registerCliOptions(cmd: Command): Command {
  return cmd
    .option('--layout <layout>', 'auto (default: a sheet that matches a register layout is read as a sales register), register, or template')
    .option('--mapping <file.json>', 'read the sales register with this column mapping (gstr1 mapping init drafts one)')
    .option('--preset <name>', 'read the sales register with one built-in layout: gstr1, tally, erp, erpnext, zoho, busy, generic')
    .option('--explain', 'print, for every register row, the section it went to and why');
}

export function readRegisterCliOptions(io: CliIO, opts: Record<string, unknown>): RegisterOptions {
  const str = (name: string, key: string) => rawOption(io.argv, name) ?? (opts[key] !== undefined && opts[key] !== true ? String(opts[key]) : undefined);
  const layout = str('layout', 'layout');
  const mapping = str('mapping', 'mapping');
  const preset = str('preset', 'preset');
  return {
    ...(layout !== undefined ? { layout } : {}),
    ...(mapping !== undefined ? { mapping } : {}),
    ...(preset !== undefined ? { preset } : {}),
    ...(opts.explain ? { onExplain: (e) => io.stdout.write(`${explainLine(e)}\n`) } : {}),
  };
}

export function printRegisterSummary(io: Pick<CliIO, 'stdout'>, run: RegisterRun | undefined): void {
  if (!run) return;
  io.stdout.write(`${formatRegisterSummary(run.summary)}\n\n`);
}
