/**
 * gstr1 serve on a port that cannot be had: startServer rejects with a usage error the embedding
 * program can catch (before: an unhandled 'error' event took the process down), leaves no
 * temporary folder behind, and the command says so and exits 2 (before: a stack trace, exit 1).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../../test/helpers/cli.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from './server.js';

let busy: Server;
let port: number;
const tmp = mkdtempSync(join(tmpdir(), 'gstr1-serve-listen-'));
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  port = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((r) => busy.close(() => r()));
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

describe('gstr1 serve on a busy port', () => {
  it('startServer rejects with LISTEN_PORT_IN_USE, and removes the folder it made for uploads', async () => {
    vi.stubEnv('TMPDIR', tmp);
    await expect(startServer({ port })).rejects.toMatchObject({ code: 'LISTEN_PORT_IN_USE', params: { port } });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('the command says the port is in use and how to choose another, exit 2', async () => {
    const { code, stdout, stderr } = await cli('serve', '--port', String(port));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`gstr1: Port ${port} is in use (by another program, or a gstr1 serve or emulator already running)\n  fix: Choose another with --port, or --port 0 for any free port.\n`);
  });
});
