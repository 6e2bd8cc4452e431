/** gstr1 serve [--port N] [--open] [--provider name --base-url --config --journal-dir]: the web page on this machine. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CAC } from 'cac';
import { OptionError } from '../../model/errors.js';
import { providerName } from '../../upload/config.js';
import { type CliIO, pathOption, rawOption } from '../io.js';
import { untilStopped } from './until-stopped.js';

export default function register(cli: CAC, io: CliIO): void {
  cli
    .command('serve', 'Open the web page on this machine (127.0.0.1 only); with --provider it can also upload and file')
    .option('--port <n>', 'port to listen on (0: any free port)', { default: 0 })
    .option('--open', 'open the page in the default browser')
    .option('--provider <name>', 'the GSP API for upload and filing: whitebooks or sandbox (credentials from the environment or --config)')
    .option('--base-url <url>', 'provider address (https; http only to this machine, e.g. the emulator)')
    .option('--config <file>', 'JSON file with credentials, readable only by you')
    .option('--journal-dir <dir>', 'where the filing journal is kept (default: the one gstr1 upload and gstr1 file use)')
    .option('--poll-ms <ms>', 'wait between status polls (default: 2 s, growing to 30 s)')
    .example('gstr1 serve --open')
    .example('gstr1 serve --provider whitebooks --base-url http://127.0.0.1:8787')
    .action(async (opts: Record<string, unknown>) => {
      const port = Number(rawOption(io.argv, 'port') ?? opts.port ?? 0);
      if (!Number.isSafeInteger(port) || port < 0 || port > 65535) throw new OptionError('OPTION_NUMBER', { option: '--port', value: rawOption(io.argv, 'port') ?? String(opts.port) });
      const pollMs = opts.pollMs !== undefined ? Number(opts.pollMs) : undefined;
      if (pollMs !== undefined && (!Number.isFinite(pollMs) || pollMs < 0)) throw new OptionError('OPTION_NUMBER', { option: '--poll-ms', value: String(opts.pollMs) });
      const { startServer, WEB_ROOT } = await import('../serve/server.js');
      if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new OptionError('SERVE_NOT_BUILT', { dir: WEB_ROOT });
      const running = await startServer({
        port,
        ...(opts.provider !== undefined
          ? {
              portal: {
                provider: providerName(opts.provider),
                ...(opts.baseUrl ? { baseUrl: String(opts.baseUrl) } : {}),
                ...(opts.config ? { configFile: pathOption(io.argv, opts, 'config')! } : {}),
                ...(opts.journalDir !== undefined ? { journalDir: pathOption(io.argv, opts, 'journal-dir')! } : {}),
                ...(pollMs !== undefined ? { pollMs } : {}),
              },
            }
          : {}),
      });
      io.stdout.write(`open ${running.url}\n`);
      io.stderr.write('The page and its files stay on this machine. Stop with Ctrl-C.\n');
      if (opts.open) await openBrowser(running.url);
      await untilStopped();
      await running.close();
      return 0;
    });
}

/** The system's way to open an address in the default browser. */
async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [cmd, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
}
