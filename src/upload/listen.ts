/**
 * Listening for gstr1 serve and the emulator. A port that cannot be had (in use, or below 1024
 * without the rights) or an address not on this machine is the user's to change: it rejects with
 * an OptionError the caller can catch (the command line's usage error, exit 2), never an unhandled
 * 'error' event that takes down the process embedding the server.
 */
import type { Server } from 'node:net';
import { OptionError } from '../model/errors.js';

/** The operating system's refusals to listen that the user can act on, and their message codes. */
const REFUSALS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'LISTEN_PORT_IN_USE',
  EACCES: 'LISTEN_PORT_NOT_ALLOWED',
  EADDRNOTAVAIL: 'LISTEN_ADDRESS_UNAVAILABLE',
};

/** Starts `server` listening on `host:port` (port 0: any free port); resolves once it listens. */
export function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (e: NodeJS.ErrnoException) => {
      const code = e.code !== undefined ? REFUSALS[e.code] : undefined;
      reject(code ? new OptionError(code, { port, host }, { cause: e }) : e);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
