/** What the command line says about its options: a number refused with an example that fits it, and help that says what the command does. */
import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/helpers/cli.js';
import { hintOf, messageOf } from '../../report/messages/index.js';
import { createCLI } from '../cli.js';

describe('cli: a number option refused names a value that fits it', () => {
  it.each([
    [['serve', '--port', '99999'], '--port must be a port number from 0 to 65535 (0: any free port), not "99999"', '--port 8080'],
    [['emulator', '--port=70000'], '--port must be a port number from 0 to 65535 (0: any free port), not "70000"', '--port 8080'],
  ])('%j', async (argv, message, example) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gstr1: ${message}\n  fix: e.g. ${example}\n`);
  });

  it('each option its own example; an option with none gets no example rather than a wrong one', () => {
    const hint = (option: string) => hintOf({ code: 'OPTION_NUMBER', params: { option, value: 'x' } });
    expect(hint('--max-bytes')).toBe('e.g. --max-bytes 4500000');
    expect(hint('--wait')).toBe('e.g. --wait 600');
    expect(hint('--tolerance')).toBe('e.g. --tolerance 1');
    expect(hint('--ip-polls')).toBe('e.g. --ip-polls 3');
    expect(messageOf({ code: 'OPTION_NUMBER', params: { option: '--tolerance', value: '-1' } })).toBe('--tolerance must be an amount in rupees, 0 or more, not "-1"');
    expect(hint('--something-new')).toBe('');
  });
});

describe('cli: help of the portal commands', () => {
  const help = (command: string, option: string) => {
    const cmd = createCLI({ stdout: process.stdout, stderr: process.stderr, argv: [] }).commands.find((c) => c.name === command)!;
    return cmd.options.find((o) => o.name === option)!.description;
  };

  it('status and reset take no JSON, so their GSTIN and period have no JSON default', () => {
    for (const command of ['status', 'reset']) {
      expect(help(command, 'gstin'), command).not.toContain('JSON');
      expect(help(command, 'period'), command).not.toContain('JSON');
    }
    expect(help('upload', 'gstin')).toBe('your GSTIN (default: the one in the JSON)');
    expect(help('file', 'period')).toBe("return period (default: the JSON's fp)");
  });
});
