/**
 * The page's reading worker, started by the engine's worker (reading.ts) for a large workbook:
 * it inflates and parses the workbook (readXlsx) on the second core while the engine's worker maps
 * and checks the rows it posts, as the command line's reading thread does (reader-link.ts). It is
 * given the one File; nothing is sent anywhere.
 */
import { browserHost } from '../../src/parsers/host/browser.js';
import { Acks, postSheets } from '../../src/parsers/host/reader-link.js';
import { installHost } from '../../src/parsers/host/source.js';
import { readXlsx } from '../../src/parsers/xlsx.js';

interface Job {
  readonly name: string;
  readonly blob: Blob;
}

const acks = new Acks();
let started = false;
self.onmessage = (e: MessageEvent<Job | number>) => {
  // the first message is the job; every later one is a batch taken
  if (started) return acks.taken();
  started = true;
  const { name, blob } = e.data as Job;
  installHost(browserHost(new Map([[name, blob]]), {}));
  const post = (m: unknown, transfer: ArrayBuffer[] = []) => (self as unknown as Worker).postMessage(m, transfer);
  void postSheets(readXlsx(name), post, acks).then(() => self.close());
};
