/** command: serve — prints the address with its token, serves the page, stops on Ctrl-C. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cac } from 'cac';
import { describe, expect, it } from 'vitest';
import register from '../../src/cli/commands/serve.js';
import { waitFor } from '../contract/provider-contract.js';
import { Capture } from '../helpers/cli.js';

describe('command: serve', () => {
  it('prints "open http://127.0.0.1:N/?token=…", serves the page there only with the token for its API, until SIGINT', async () => {
    execFileSync(process.execPath, [join(import.meta.dirname, '../../web/build.mjs')], { stdio: 'pipe' });
    const stdout = new Capture();
    const argv = ['serve', '--port', '0'];
    const cli = cac('gstr1');
    register(cli, { stdout, stderr: new Capture(), argv });
    cli.parse(['node', 'gstr1', ...argv], { run: false });
    const done = cli.runMatchedCommand() as Promise<number>;
    await waitFor(() => stdout.text.includes('open '));
    const m = /^open (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)\n$/.exec(stdout.text);
    expect(m).not.toBeNull();
    expect(await (await fetch(`${m![1]}/`)).text()).toContain('<title>GSTR-1 check</title>');
    expect((await fetch(`${m![1]}/api/info`)).status).toBe(403);
    const info = await fetch(`${m![1]}/api/info`, { headers: { 'x-gstr1-token': m![2]! } });
    // no --provider: the page checks, and says nothing of a portal
    expect(await info.json()).toEqual({ portal: null });
    process.emit('SIGINT');
    expect(await done).toBe(0);
  });
});
