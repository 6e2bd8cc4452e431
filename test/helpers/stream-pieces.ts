/** The pieces the Node host streams of a file's bytes `start` to `end` (node-stream.test.ts, on either thread). */
import { nodeHost } from '../../src/parsers/host/node.js';

export async function streamPieces(file: string, start: number, end: number): Promise<Buffer[]> {
  const src = await nodeHost.open(file);
  const out: Buffer[] = [];
  try {
    for await (const c of src.stream(start, end)) out.push(Buffer.from(c));
  } finally {
    await src.close();
  }
  return out;
}
