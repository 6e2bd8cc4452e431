/** gstr1 to-excel <json...> --out <file.xlsx> [--sez] */
import type { CAC } from 'cac';
import { formatSummary } from '../../report/summary.js';
import { pathOption, type CliIO } from '../io.js';
import { exitCodeFor } from './shared.js';

export default function register(cli: CAC, io: CliIO): void {
  cli
    .command('to-excel <...json>', 'Turn a GSTR-1 JSON (retsave chunks of one return, or a portal download) into a template workbook')
    .option('--out <file.xlsx>', 'workbook to write', { default: 'gstr1.xlsx' })
    .option('--sez', 'you are an SEZ unit or developer (as given to convert)')
    .example('gstr1 to-excel gstr1-1.json gstr1-2.json --out gstr1.xlsx')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { toExcel } = await import('../../api/to-excel.js');
      const res = await toExcel(files, { out: pathOption(io.argv, opts, 'out')!, sez: Boolean(opts.sez) });
      const rows = res.sheets.filter((s) => s.rows > 0);
      io.stdout.write(`GSTR-1 of ${res.gstin} for ${res.fp}\n`);
      const width = Math.max(5, ...rows.map((s) => s.name.length));
      for (const s of rows) io.stdout.write(`  ${s.name.padEnd(width)}  ${String(s.rows).padStart(7)} rows\n`);
      if (rows.length === 0) io.stdout.write('  (no rows: the return is empty)\n');
      if (res.findings.length) io.stderr.write(`\n${formatSummary({ stats: [], findings: res.findings })}\n`);
      io.stdout.write(`\nWrote ${res.file}\n`);
      return exitCodeFor(res.findings);
    });
}
