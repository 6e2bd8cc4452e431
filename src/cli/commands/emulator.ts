/** gstr1 emulator [--port N] [--host 127.0.0.1] [--otp] [--ip-polls] [--summary-lag-ms] [--rate-limit] [--quarterly] */
import type { CAC } from 'cac';
import { OptionError } from '../../model/errors.js';
import { isLoopback } from '../../upload/config.js';
import { type CliIO, rawOption } from '../io.js';
import { untilStopped } from './until-stopped.js';

export default function register(cli: CAC, io: CliIO): void {
  cli
    .command('emulator', 'Run a local emulator of the WhiteBooks and Sandbox APIs (for trying upload and file without a real GSP)')
    .option('--port <n>', 'port to listen on (0: any free port)', { default: 0 })
    .option('--host <host>', 'address to listen on (this machine only)', { default: '127.0.0.1' })
    .option('--otp <otp>', 'the OTP it accepts for sessions and EVC', { default: '575757' })
    .option('--ip-polls <n>', 'status polls answered "in progress" before the result', { default: 1 })
    .option('--summary-lag-ms <ms>', 'the summary is unavailable this long after proceed to file', { default: 0 })
    .option('--rate-limit <n>', 'requests per minute before HTTP 429 (Sandbox test plan: 25)')
    .option('--quarterly', 'taxpayers are quarterly (QRMP) filers: months 1-2 are IFFs, a quarter\'s documents are reported once')
    .example('gstr1 emulator --port 8787')
    .example('gstr1 upload gstr1.json --provider sandbox --base-url http://127.0.0.1:8787 ...')
    .action(async (opts: Record<string, unknown>) => {
      const port = whole('--port', rawOption(io.argv, 'port') ?? opts.port, 65535);
      const host = String(opts.host ?? '127.0.0.1');
      // listening (unlike sending) on the name localhost is safe: it binds only where it resolves on this machine
      if (host !== 'localhost' && !isLoopback(host)) throw new OptionError('EMULATOR_HOST', { value: host });
      const otp = rawOption(io.argv, 'otp') ?? String(opts.otp ?? '575757');
      const { startEmulator } = await import('../../upload/emulator/index.js');
      const running = await startEmulator({
        port, host, otp, evcOtp: otp,
        ipPolls: whole('--ip-polls', opts.ipPolls, 1000),
        summaryLagMs: whole('--summary-lag-ms', opts.summaryLagMs, 3_600_000),
        quarterly: Boolean(opts.quarterly),
        ...(opts.rateLimit !== undefined ? { rateLimitPerMinute: whole('--rate-limit', opts.rateLimit, 100_000) || undefined } : {}),
      });
      io.stdout.write(`listening on ${running.url}\n`);
      io.stderr.write(`WhiteBooks and Sandbox paths; OTP ${otp}. Stop with Ctrl-C.\n`);
      await untilStopped();
      await running.close();
      return 0;
    });
}

function whole(option: string, value: unknown, max: number): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n) || n < 0 || n > max) throw new OptionError('OPTION_NUMBER', { option, value: String(value) });
  return n;
}
