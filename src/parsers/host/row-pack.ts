/**
 * A batch of rows packed for the trip from the reading thread: numbers, dates and row numbers in
 * one Float64Array, what each cell is in a Uint8Array (both transferred, not copied), and the texts
 * in one array of strings. Structured cloning the rows as objects cost the reading thread about
 * 2 s of its 10 at 500,000 lines (a row object, a cells array and a property map per row);
 * packed, the cost falls to what the texts weigh.
 */
import type { RawCell, RawRow } from '../raw.js';

const EMPTY = 0;
const TEXT = 1;
const NUMBER = 2;
const DATE = 3;
const TRUE = 4;
const FALSE = 5;
const ERROR = 6;
const UNCALCULATED = 7;

export interface PackedRows {
  /** per row: its number, then each number or date cell (the date as milliseconds) */
  readonly numbers: Float64Array;
  /** per row, how many cells it has */
  readonly cellCounts: Uint32Array;
  /** per cell, what it holds (EMPTY, TEXT, ...) */
  readonly cellKinds: Uint8Array;
  /** the text and error cells' texts, in order */
  readonly texts: string[];
}

export function packRows(rows: readonly RawRow[]): PackedRows {
  let cellCount = 0;
  for (const r of rows) cellCount += r.cells.length;
  const numbers = new Float64Array(rows.length + cellCount);
  const cellCounts = new Uint32Array(rows.length);
  const cellKinds = new Uint8Array(cellCount);
  const texts: string[] = [];
  let n = 0;
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const { row, cells } = rows[i]!;
    numbers[n++] = row;
    cellCounts[i] = cells.length;
    for (const v of cells) {
      let kind: number;
      if (v === null) kind = EMPTY;
      else if (typeof v === 'string') {
        kind = TEXT;
        texts.push(v);
      } else if (typeof v === 'number') {
        kind = NUMBER;
        numbers[n++] = v;
      } else if (typeof v === 'boolean') kind = v ? TRUE : FALSE;
      else if (v instanceof Date) {
        kind = DATE;
        numbers[n++] = v.getTime();
      } else if (v.uncalculated) kind = UNCALCULATED;
      else {
        kind = ERROR;
        texts.push(v.error);
      }
      cellKinds[k++] = kind;
    }
  }
  return { numbers, cellCounts, cellKinds, texts };
}

/** The buffers to transfer with a packed batch. */
export function transferList(p: PackedRows): ArrayBuffer[] {
  return [p.numbers.buffer as ArrayBuffer, p.cellCounts.buffer as ArrayBuffer, p.cellKinds.buffer as ArrayBuffer];
}

export function unpackRows(p: PackedRows): RawRow[] {
  const { numbers, cellCounts, cellKinds, texts } = p;
  const rows: RawRow[] = [];
  let n = 0;
  let k = 0;
  let t = 0;
  for (let i = 0; i < cellCounts.length; i++) {
    const row = numbers[n++]!;
    const cells: RawCell[] = [];
    for (let end = k + cellCounts[i]!; k < end; k++) {
      switch (cellKinds[k]) {
        case EMPTY:
          cells.push(null);
          break;
        case TEXT:
          cells.push(texts[t++]!);
          break;
        case NUMBER:
          cells.push(numbers[n++]!);
          break;
        case DATE:
          cells.push(new Date(numbers[n++]!));
          break;
        case TRUE:
          cells.push(true);
          break;
        case FALSE:
          cells.push(false);
          break;
        case ERROR:
          cells.push({ error: texts[t++]! });
          break;
        default:
          cells.push({ error: '', uncalculated: true });
      }
    }
    rows.push({ row, cells });
  }
  return rows;
}
