/**
 * A port that cannot be had is a usage error the caller can catch (LISTEN_*), for the emulator as
 * for gstr1 serve: never an unhandled 'error' event, never an internal error.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:net';
import { cli } from '../../test/helpers/cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionError } from '../model/errors.js';
import { startEmulator } from './emulator/index.js';
import { listenOn } from './listen.js';

let busy: Server;
let port: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  port = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => busy.close(() => r())));

/** A server whose listen fails with the operating system's `code` (EACCES cannot be had as root). */
function refusingServer(code: string): Server {
  const fake = new EventEmitter() as EventEmitter & { listen: () => void };
  fake.listen = () => queueMicrotask(() => fake.emit('error', Object.assign(new Error(`listen ${code}`), { code })));
  return fake as unknown as Server;
}

describe('listenOn', () => {
  it('a port in use is LISTEN_PORT_IN_USE, naming the port; the server keeps no error listener', async () => {
    const server = createServer();
    const e = await listenOn(server, port, '127.0.0.1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OptionError);
    expect(e).toMatchObject({ code: 'LISTEN_PORT_IN_USE', params: { port, host: '127.0.0.1' } });
    expect(server.listening).toBe(false);
    expect(server.listenerCount('error')).toBe(0);
  });

  it('a port the user may not open, and an address not on this machine, are named as such', async () => {
    await expect(listenOn(refusingServer('EACCES'), 80, '127.0.0.1')).rejects.toMatchObject({ code: 'LISTEN_PORT_NOT_ALLOWED', params: { port: 80 } });
    await expect(listenOn(createServer(), 0, '192.0.2.1')).rejects.toMatchObject({ code: 'LISTEN_ADDRESS_UNAVAILABLE', params: { host: '192.0.2.1' } });
    // anything else is not the user's to fix: passed on as it is
    await expect(listenOn(refusingServer('EMFILE'), 0, '127.0.0.1')).rejects.toMatchObject({ code: 'EMFILE', message: 'listen EMFILE' });
  });

  it('a free port listens, and the error listener is removed', async () => {
    const server = createServer();
    await listenOn(server, 0, '127.0.0.1');
    expect(server.listening).toBe(true);
    expect(server.listenerCount('error')).toBe(0);
    await new Promise<void>((r) => server.close(() => r()));
  });
});

describe('the emulator on a busy port', () => {
  it('startEmulator rejects with the usage error', async () => {
    await expect(startEmulator({ port })).rejects.toMatchObject({ code: 'LISTEN_PORT_IN_USE', params: { port } });
  });

  it('gstr1 emulator --port <busy> says so and exits 2, not an internal error', async () => {
    const { code, stdout, stderr } = await cli('emulator', '--port', String(port));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`gstr1: Port ${port} is in use (by another program, or a gstr1 serve or emulator already running)\n  fix: Choose another with --port, or --port 0 for any free port.\n`);
  });
});
