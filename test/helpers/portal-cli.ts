/** The portal commands (upload, status, reset, file) run in-process, the way a user runs them. */
import { cac } from 'cac';
import { reportFailure } from '../../src/cli/cli.js';
import fileCmd from '../../src/cli/commands/file.js';
import resetCmd from '../../src/cli/commands/reset.js';
import statusCmd from '../../src/cli/commands/status.js';
import uploadCmd from '../../src/cli/commands/upload.js';
import { Capture } from './cli.js';

export async function gstr1(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io = { stdout, stderr, argv };
  const cli = cac('gstr1');
  for (const c of [uploadCmd, statusCmd, resetCmd, fileCmd]) c(cli, io);
  try {
    cli.parse(['node', 'gstr1', ...argv], { run: false });
    const code = (await cli.runMatchedCommand()) as number;
    return { code, stdout: stdout.text, stderr: stderr.text };
  } catch (e) {
    return { code: reportFailure(e, io), stdout: stdout.text, stderr: stderr.text };
  }
}
