/**
 * A few named files as one zip (the return's JSON payloads when it is chunked), through the zip
 * writer that reorders our workbooks (template/zip-order.ts) and the host's deflate and CRC-32:
 * one zip writer in the project, in Node and in the browser.
 */
import { host } from '../parsers/host/source.js';
import { writeZip, type Entry } from './template/zip-order.js';
import { dosTime } from './zip-writer.js';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export async function zipFiles(files: readonly NamedBytes[], when = new Date()): Promise<Uint8Array> {
  const { time, date } = dosTime(when);
  const entries: Entry[] = [];
  for (const f of files) {
    const data = Buffer.from(await host().deflateRaw(f.bytes));
    const nameBytes = Buffer.from(f.name, 'utf8');
    entries.push({
      name: f.name,
      nameBytes,
      // bit 11: the name is UTF-8
      flags: 0x800,
      method: 8,
      time,
      date,
      crc: host().crc32(f.bytes, 0),
      compSize: data.length,
      size: f.bytes.length,
      localOffset: -1,
      versionMade: 20,
      versionNeeded: 20,
      external: 0,
      data,
    });
  }
  const chunks: Uint8Array[] = [];
  await writeZip(undefined, async (b) => void chunks.push(Uint8Array.from(b)), entries);
  return Buffer.concat(chunks);
}
