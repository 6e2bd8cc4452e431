/** command: emulator — prints where it listens, serves both providers, stops on Ctrl-C. */
import { Writable } from 'node:stream';
import { cac } from 'cac';
import { describe, expect, it } from 'vitest';
import register from '../../src/cli/commands/emulator.js';
import { waitFor } from './provider-contract.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

describe('command: emulator', () => {
  it('prints "listening on http://127.0.0.1:N" and answers until SIGINT', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const argv = ['emulator', '--port', '0'];
    const cli = cac('gstr1');
    register(cli, { stdout, stderr, argv });
    cli.parse(['node', 'gstr1', ...argv], { run: false });
    const done = cli.runMatchedCommand() as Promise<number>;
    await waitFor(() => stdout.text.includes('listening on'));
    const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(stdout.text);
    expect(m).not.toBeNull();
    const res = await fetch(`${m![1]}/gstr1/retsum?email=x`);
    expect(await res.json()).toMatchObject({ status_cd: '0', error: { error_cd: 'WB_ERR_9104' } });
    process.emit('SIGINT');
    expect(await done).toBe(0);
  });

  it('refuses to listen beyond this machine', async () => {
    const argv = ['emulator', '--host', '0.0.0.0'];
    const cli = cac('gstr1');
    register(cli, { stdout: new Capture(), stderr: new Capture(), argv });
    cli.parse(['node', 'gstr1', ...argv], { run: false });
    await expect(cli.runMatchedCommand()).rejects.toMatchObject({ code: 'EMULATOR_HOST' });
  });
});
