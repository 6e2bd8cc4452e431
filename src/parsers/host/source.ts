/**
 * What the engine needs from the machine it runs on, and nothing more: random access to the
 * bytes of an input (a zip's central directory sits at its end), raw-deflate inflation, CRC-32,
 * and two data files. Node gives these with a FileHandle and zlib (node.ts); a browser with a
 * Blob and DecompressionStream (browser.ts). Nothing else in the engine imports a Node module:
 * a test walks the import graph (test/engine-graph.test.ts).
 *
 * Inputs keep being named by a string (a path in Node, a file's name in the browser): findings
 * carry it as their `file`, and the host turns it into bytes.
 */

import type { ByteSource, Host } from './types.js';

export { SourceError, type ByteSource, type DataFile, type Host } from './types.js';

let installed: Host | undefined;

/** Makes `h` the host of this process or worker (the browser worker calls it first thing). */
export function installHost(h: Host): void {
  installed = h;
}

// In Node with no host installed, the Node one. The specifier is a variable so that a bundler
// for the browser leaves that module (and its Node built-ins) out.
const NODE_HOST = './node.js';
if (!installed && (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) {
  installed = ((await import(/* @vite-ignore */ NODE_HOST)) as { nodeHost: Host }).nodeHost;
}

export function host(): Host {
  if (!installed) throw new Error('no host installed: call installHost() before reading inputs');
  return installed;
}

/** Opens `file` through the host. */
export function openSource(file: string): Promise<ByteSource> {
  return host().open(file);
}
