/**
 * Sheet layout that exceljs's streaming reader does not hand out: column widths (its `<cols>`
 * parsing calls `Column.fromModel(cols)` with the arguments shifted, so `worksheetReader.columns`
 * never carries a width), the frozen pane and the merged cells. We look at the raw sheet XML as
 * it streams past on its way to the reader's SAX parser: the part before `<sheetData>` (small) is
 * kept as text and parsed, the rows are only searched for the `</sheetData>` bytes, and the part
 * after it (merged cells, small) is kept as text. Nothing grows with the number of rows.
 */

export interface ColumnLayout {
  readonly min: number;
  readonly max: number;
  readonly width?: number;
  readonly hidden: boolean;
}

export interface SheetLayout {
  cols: ColumnLayout[];
  defaultColWidth?: number;
  defaultRowHeight?: number;
  /** a frozen pane: rows above ySplit and columns left of xSplit stay in view */
  frozen?: { xSplit: number; ySplit: number; topLeftCell?: string };
  showGridLines?: boolean;
  zoomScale?: number;
  rightToLeft?: boolean;
  /** ARGB */
  tabColor?: string;
}

/** Longest head (everything before `<sheetData`) we keep; real ones are a few KB. */
const HEAD_LIMIT = 4 * 1024 * 1024;
/** Longest tail (everything after `</sheetData>`) we keep. */
const TAIL_LIMIT = 16 * 1024 * 1024;
const END_DATA = Buffer.from('</sheetData>');

type Chunk = Buffer | string;

export class SheetXmlScanner {
  layout: SheetLayout = { cols: [] };
  merges: string[] = [];
  private state: 'head' | 'data' | 'tail' | 'done' = 'head';
  private head = '';
  private tail = '';
  private carry: Buffer = Buffer.alloc(0);
  private decoder = new TextDecoder('utf-8');

  /** Passes the chunks through unchanged, looking at them on the way. */
  async *wrap(source: AsyncIterable<Chunk>): AsyncGenerator<Chunk> {
    for await (const chunk of source) {
      this.take(chunk);
      yield chunk;
    }
    this.finish();
  }

  private take(chunk: Chunk): void {
    switch (this.state) {
      case 'head':
        this.takeHead(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
        return;
      case 'data':
        this.takeData(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return;
      case 'tail':
        this.takeTail(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
        return;
      default:
    }
  }

  private takeHead(text: string): void {
    this.head += text;
    const open = this.head.search(/<sheetData[\s/>]/);
    if (open < 0) {
      if (this.head.length > HEAD_LIMIT) {
        // no sheet data in sight: stop looking (the layout stays as parsed so far)
        this.layout = parseLayout(this.head);
        this.head = '';
        this.state = 'done';
      }
      return;
    }
    const close = this.head.indexOf('>', open);
    if (close < 0) return; // the open tag is cut: wait for the next chunk
    this.layout = parseLayout(this.head.slice(0, open));
    const rest = this.head.slice(close + 1);
    const selfClosing = this.head[close - 1] === '/';
    this.head = '';
    if (selfClosing) {
      this.state = 'tail';
      this.takeTail(rest);
      return;
    }
    const end = rest.indexOf('</sheetData>');
    if (end >= 0) {
      this.state = 'tail';
      this.takeTail(rest.slice(end + END_DATA.length));
      return;
    }
    this.state = 'data';
    const b = Buffer.from(rest);
    this.carry = Buffer.from(b.subarray(Math.max(0, b.length - (END_DATA.length - 1))));
  }

  private takeData(buf: Buffer): void {
    // the marker may straddle the previous chunk and this one
    const joined = Buffer.concat([this.carry, buf.subarray(0, END_DATA.length - 1)]);
    let at = joined.indexOf(END_DATA);
    let after = -1;
    if (at >= 0) after = at + END_DATA.length - this.carry.length;
    else {
      at = buf.indexOf(END_DATA);
      if (at >= 0) after = at + END_DATA.length;
    }
    if (after >= 0) {
      this.state = 'tail';
      this.decoder = new TextDecoder('utf-8');
      this.takeTail(this.decoder.decode(buf.subarray(after), { stream: true }));
      return;
    }
    const keep = Math.min(buf.length, END_DATA.length - 1);
    this.carry =
      buf.length >= END_DATA.length - 1
        ? Buffer.from(buf.subarray(buf.length - keep))
        : Buffer.concat([this.carry, buf]).subarray(-(END_DATA.length - 1));
  }

  private takeTail(text: string): void {
    if (this.tail.length + text.length > TAIL_LIMIT) {
      this.finishTail();
      this.state = 'done';
      return;
    }
    this.tail += text;
  }

  private finishTail(): void {
    for (const m of this.tail.matchAll(/<mergeCell\s[^>]*?\bref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)"/g)) {
      this.merges.push(m[1]!);
    }
    this.tail = '';
  }

  private finish(): void {
    if (this.state === 'head' && this.head) this.layout = parseLayout(this.head);
    if (this.state === 'tail') this.finishTail();
    this.head = '';
    this.state = 'done';
  }
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads the part of a sheet's XML before `<sheetData>`. */
export function parseLayout(head: string): SheetLayout {
  const layout: SheetLayout = { cols: [] };
  const colsAt = head.search(/<cols[\s>]/);
  if (colsAt >= 0) {
    const colsEnd = head.indexOf('</cols>', colsAt);
    const body = head.slice(colsAt, colsEnd < 0 ? undefined : colsEnd);
    for (const m of body.matchAll(/<col\s([^>]*?)\/?>/g)) {
      const a = attrs(m[1]!);
      const min = num(a.min);
      const max = num(a.max) ?? min;
      if (!min || !max || min < 1 || max < min) continue;
      const width = num(a.width);
      layout.cols.push({ min, max, ...(width !== undefined ? { width } : {}), hidden: a.hidden === '1' || a.hidden === 'true' });
    }
  }
  const fmt = head.match(/<sheetFormatPr\s([^>]*?)\/?>/);
  if (fmt) {
    const a = attrs(fmt[1]!);
    const w = num(a.defaultColWidth);
    const h = num(a.defaultRowHeight);
    if (w !== undefined) layout.defaultColWidth = w;
    if (h !== undefined) layout.defaultRowHeight = h;
  }
  const view = head.match(/<sheetView\s([^>]*?)\/?>/);
  if (view) {
    const a = attrs(view[1]!);
    if (a.showGridLines === '0' || a.showGridLines === 'false') layout.showGridLines = false;
    if (a.rightToLeft === '1' || a.rightToLeft === 'true') layout.rightToLeft = true;
    const z = num(a.zoomScale);
    if (z !== undefined && z >= 10 && z <= 400) layout.zoomScale = z;
  }
  const pane = head.match(/<pane\s([^>]*?)\/?>/);
  if (pane) {
    const a = attrs(pane[1]!);
    if (a.state === 'frozen' || a.state === 'frozenSplit') {
      const xSplit = Math.max(0, Math.trunc(num(a.xSplit) ?? 0));
      const ySplit = Math.max(0, Math.trunc(num(a.ySplit) ?? 0));
      if (xSplit || ySplit) layout.frozen = { xSplit, ySplit, ...(a.topLeftCell ? { topLeftCell: a.topLeftCell } : {}) };
    }
  }
  const tab = head.match(/<tabColor\s([^>]*?)\/?>/);
  if (tab) {
    const rgb = attrs(tab[1]!).rgb;
    if (rgb && /^[0-9A-Fa-f]{8}$/.test(rgb)) layout.tabColor = rgb.toUpperCase();
  }
  return layout;
}
