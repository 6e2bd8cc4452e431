/**
 * The shared-strings table of a workbook, kept compactly. A large return's table holds one entry
 * per distinct invoice number (313,000 strings at 500,000 lines) and is needed until the last
 * sheet is read. As an array of strings each entry costs 40 bytes or more, and the strings the
 * XML parser hands out are slices that pin every chunk of the decoded XML (21 MB of heap at
 * 500,000 lines). Here the texts are joined into flat segments of about 64 K characters, and an
 * entry is two integers: its segment and where it starts. A cell gets a fresh slice of its segment.
 */

/** Characters per segment before a new one is started. */
const SEGMENT_CHARS = 65_536;

export class SharedStrings {
  private readonly segments: string[] = [];
  private parts: string[] = [];
  private partChars = 0;
  private segOf = new Int32Array(1024);
  private startOf = new Int32Array(1024);
  length = 0;

  add(s: string): void {
    if (this.length === this.segOf.length) this.grow();
    if (this.partChars > 0 && this.partChars + s.length > SEGMENT_CHARS) this.seal();
    this.segOf[this.length] = this.segments.length;
    this.startOf[this.length] = this.partChars;
    this.parts.push(s);
    this.partChars += s.length;
    this.length++;
  }

  /** Call once every string is added: the last segment is joined. */
  done(): this {
    if (this.parts.length) this.seal();
    return this;
  }

  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const seg = this.segOf[i]!;
    const text = this.segments[seg]!;
    const end = i + 1 < this.length && this.segOf[i + 1] === seg ? this.startOf[i + 1]! : text.length;
    return text.slice(this.startOf[i], end);
  }

  private seal() {
    // join() makes one flat string: the parts, and the XML chunks they were cut from, are freed
    this.segments.push(this.parts.join(''));
    this.parts = [];
    this.partChars = 0;
  }

  private grow() {
    const n = this.segOf.length * 2;
    const seg = new Int32Array(n);
    seg.set(this.segOf);
    this.segOf = seg;
    const start = new Int32Array(n);
    start.set(this.startOf);
    this.startOf = start;
  }
}
