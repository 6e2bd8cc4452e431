/** The portal commands (upload, status, reset, file) run in-process, the way a user runs them. */
import { cac } from 'cac';
import { vi } from 'vitest';
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

/** The emulator's demo credentials and OTPs in the environment, and a fresh `GSTR1_HOME` (undo with vi.unstubAllEnvs). */
export function stubEmulatorCredentials(home: string): void {
  vi.stubEnv('GSTR1_HOME', home);
  vi.stubEnv('GSTR1_WB_EMAIL', 'me@example.com');
  vi.stubEnv('GSTR1_WB_CLIENT_ID', 'demo');
  vi.stubEnv('GSTR1_WB_CLIENT_SECRET', 'demo-secret');
  vi.stubEnv('GSTR1_GST_USERNAME', 'sahyadri');
  vi.stubEnv('GSTR1_OTP', '575757');
  vi.stubEnv('GSTR1_EVC_OTP', '575757');
}

/** A Sandbox account's keys and GST username in the environment, and a fresh `GSTR1_HOME` (undo with vi.unstubAllEnvs). */
export function stubSandboxCredentials(home: string, keys: { apiKey: string; apiSecret: string }, gstUsername: string): void {
  vi.stubEnv('GSTR1_HOME', home);
  vi.stubEnv('GSTR1_SANDBOX_API_KEY', keys.apiKey);
  vi.stubEnv('GSTR1_SANDBOX_API_SECRET', keys.apiSecret);
  vi.stubEnv('GSTR1_GST_USERNAME', gstUsername);
}
