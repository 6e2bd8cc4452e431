/** gstr1 reset --provider --gstin --period [--yes] */
import type { CAC } from 'cac';
import { OptionError } from '../../model/errors.js';
import type { CliIO } from '../io.js';
import { ask, portalOptions, runOptions } from './portal-shared.js';

export default function register(cli: CAC, io: CliIO): void {
  portalOptions(cli.command('reset', 'Clear everything saved on the portal for the period (before filing)'), { readsJson: false })
    .option('--yes', 'do not ask for confirmation')
    .example('gstr1 reset --provider whitebooks --gstin 27AAACR5055K1Z7 --period 032025')
    .action(async (opts: Record<string, unknown>) => {
      const run = runOptions(io, opts);
      if (!opts.yes && !process.stdin.isTTY) throw new OptionError('OPTION_REQUIRED', { option: '--yes' });
      const confirm = opts.yes
        ? true
        : async () => (await ask(`Type RESET to clear everything saved for ${run.gstin} ${run.period} on the portal: `)) === 'RESET';
      const { resetReturn } = await import('../../upload/run.js');
      const r = await resetReturn({ ...run, confirm });
      if (r.outcome === 'cancelled') {
        io.stdout.write('Nothing was reset.\n');
        return 1;
      }
      io.stdout.write(r.outcome === 'processed' ? 'The return was reset: nothing is saved for the period now.\n' : `Reset: ${r.outcome}${r.outcome === 'in_progress' ? '; run the same command again later to see it finish (exit code 3)' : ''}\n`);
      // still being processed: not finished, not failed
      return r.outcome === 'processed' ? 0 : r.outcome === 'in_progress' ? 3 : 1;
    });
}
