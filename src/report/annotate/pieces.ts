/**
 * XML encoded as it is made, a row at a time, into pieces of about PIECE bytes for the zip writer
 * (copy-csv.ts). The rows and their text are let go at once, before the writer waits on anything.
 * A row's text encoded alone costs about half of what a batch's does: a long string built of many
 * short ones is flattened before it is encoded, and that is most of the cost (measured on the
 * 500,000-line CSV return's annotated copy, issue 14). Each piece is a buffer of its own, so the
 * zip writer may gather small ones while the next are made.
 */
export const PIECE = 256 * 1024;
const encoder = new TextEncoder();

/** Text encoded as UTF-8 into pieces (`size` other than PIECE is for tests). */
export class Pieces {
  private buf: Uint8Array;
  private used = 0;
  private done: Uint8Array[] = [];

  constructor(private readonly size = PIECE) {
    this.buf = new Uint8Array(size);
  }

  /** whether a piece is full and may be taken */
  get ready(): boolean {
    return this.done.length > 0;
  }

  add(xml: string): void {
    if (!xml) return;
    // a UTF-16 unit is at most 3 bytes of UTF-8, so text that fits by that count is encoded whole
    if (this.used + xml.length * 3 > this.buf.length) {
      this.close();
      if (xml.length * 3 > this.buf.length) {
        this.done.push(encoder.encode(xml));
        return;
      }
    }
    this.used += encoder.encodeInto(xml, this.buf.subarray(this.used)).written;
  }

  /** The full pieces, and with `all` the last one too. */
  take(all = false): Uint8Array[] {
    if (all) this.close();
    const out = this.done;
    this.done = [];
    return out;
  }

  private close(): void {
    if (!this.used) return;
    this.done.push(this.buf.subarray(0, this.used));
    this.buf = new Uint8Array(this.size);
    this.used = 0;
  }
}
