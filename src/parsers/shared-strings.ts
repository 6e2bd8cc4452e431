/**
 * The shared-strings table of a workbook, kept compactly. A large return's table holds one entry
 * per distinct invoice number (313,000 strings at 500,000 lines) and is needed until the last
 * sheet is read. As an array of strings each entry costs 40 bytes or more, and the strings the
 * XML parser hands out are slices that pin every chunk of the decoded XML (21 MB of heap at
 * 500,000 lines). Here the texts are joined end to end into flat segments of exactly 64 K
 * characters, and an entry is one integer: where it starts in the whole text. A cell gets a fresh
 * slice of its segment, or two slices joined for the one text in 4,000 that crosses into the next.
 */

/** Characters per segment: a power of two, so a position's segment is a shift. */
const SEGMENT_BITS = 16;
const SEGMENT_CHARS = 1 << SEGMENT_BITS;

export class SharedStrings {
  private readonly segments: string[] = [];
  private parts: string[] = [];
  /** characters in the open segment's parts */
  private partChars = 0;
  /** where each entry starts in the whole text; after done(), one more: where the text ends */
  private starts = new Uint32Array(1024);
  private chars = 0;
  length = 0;

  add(s: string): void {
    if (this.length + 1 >= this.starts.length) this.resize(this.starts.length * 2);
    this.starts[this.length++] = this.chars;
    this.chars += s.length;
    while (this.partChars + s.length > SEGMENT_CHARS) {
      const room = SEGMENT_CHARS - this.partChars;
      this.parts.push(s.slice(0, room));
      this.partChars = SEGMENT_CHARS;
      this.seal();
      s = s.slice(room);
    }
    this.parts.push(s);
    this.partChars += s.length;
  }

  /** Call once every string is added: the last segment is joined and the index trimmed to size. */
  done(): this {
    if (this.parts.length) this.seal();
    this.starts[this.length] = this.chars;
    this.resize(this.length + 1);
    return this;
  }

  get(i: number): string | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const start = this.starts[i]!;
    const end = this.starts[i + 1]!;
    if (start === end) return ''; // perhaps at the end of the last segment, where no next one exists
    const seg = start >>> SEGMENT_BITS;
    const from = start - seg * SEGMENT_CHARS;
    if (end - seg * SEGMENT_CHARS <= SEGMENT_CHARS) return this.segments[seg]!.slice(from, end - seg * SEGMENT_CHARS);
    // a text that runs on past its segment's end
    let text = this.segments[seg]!.slice(from);
    for (let k = seg + 1; k * SEGMENT_CHARS < end; k++) text += this.segments[k]!.slice(0, Math.min(SEGMENT_CHARS, end - k * SEGMENT_CHARS));
    return text;
  }

  private seal() {
    // join() makes one flat string: the parts, and the XML chunks they were cut from, are freed
    this.segments.push(this.parts.join(''));
    this.parts = [];
    this.partChars = 0;
  }

  private resize(n: number) {
    const starts = new Uint32Array(n);
    starts.set(this.starts.subarray(0, Math.min(n, this.starts.length)));
    this.starts = starts;
  }
}
