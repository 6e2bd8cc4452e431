/**
 * Quote-free CSV text is cut into lines and coerced from each line (LineRow, rows.ts
 * lineToParsedRow) instead of through papaparse's records and the general coercion. On random
 * files with every oddity a row can have, both readings give the same rows (values, cells, line,
 * blank cells), the same findings and counts, and the same packed batches for the mapping thread.
 */
import { describe, expect, it } from 'vitest';
import { afterAll } from 'vitest';
import { tempDirs, writeText } from '../../test/helpers/files.js';
import { prng } from '../../test/helpers/random.js';
import { FindingList } from '../model/finding.js';
import { LineCells, cellsOf } from './line-row.js';
import { RowPacker } from './row-ship.js';
import { isBlankCell, readRowBatches, type ParsedRow, type SheetStats } from './rows.js';
import { isBlank } from './raw.js';

const dirs = tempDirs();
afterAll(dirs.cleanup);

const COLUMNS = [
  'GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value', 'Place Of Supply', 'Reverse Charge',
  'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN', 'Rate', 'Taxable Value', 'Cess Amount',
];
/** the document's cells (before Rate) and the item's */
const DOC = 10;

/** Cell texts a register or a hand may give, good and bad. */
const ODD = [
  '', ' ', '  ', '\u00a0', ' x ', 'Total', 'total', 'Grand Total', 'Sub total', 'sundry', 'Śrī Traders', '₹ 1,500', '(150.00)', '-20', '1.005',
  '12.345', 'abc', '18%', '0', '-0', '.5', '5.', '0.00', '27aafcd5862r1zr', ' 27AAFCD5862R1ZR', '27AAFCD5862R1ZR ', 'INV 1', '0/0', '000',
  '31-Feb-2025', '2025-10-05', '05/10/2025', '45936', '99', '27', 'Maharashtra', 'Y', 'n', 'Deemed Exp', 'SEZ supplies with payment', '40', '9',
];
const GOOD_DOC = (r: () => number, n: number) => [
  pick(r, ['27AAFCD5862R1ZR', '06NDXFG3880T1ZN', '33WKNCT0089I1ZW', '29AUXCW7722O1ZW']), pick(r, ['Dee Traders', 'Eastern Solutions', '']),
  `INV/${n}`, pick(r, ['05-Oct-2025', '26-Oct-2025', '14-Oct-2025']), pick(r, ['1180.00', '6487.64', '118', '118.005']), pick(r, ['27-Maharashtra', '06-Haryana', '33']),
  pick(r, ['N', 'N', 'Y', '']), pick(r, ['', '', '65']), pick(r, ['Regular B2B', 'Regular B2B', 'SEZ supplies with payment']), pick(r, ['', '', '27AAFCD5862R1ZR']),
];
const GOOD_ITEM = (r: () => number) => [pick(r, ['18', '12', '5', '0', '28']), pick(r, ['1000.00', '5498.00', '10', '0.5']), pick(r, ['0.00', '', '12.50'])];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A b2b CSV of about `lines` rows: documents of one to three lines, cells made odd at random, sometimes a quote. */
function randomCsv(seed: number, lines: number): string {
  const r = prng(seed);
  const sep = pick(r, [',', ',', ';', '\t']);
  // line endings: LF, CRLF, or CRLF with a lone CR (an old Mac line end) now and then
  const ending = pick(r, ['\n', '\n', '\r\n', 'mixed']);
  const nl = ending === 'mixed' ? '\r\n' : ending;
  // a column order of the user's, an unread column, or a second Rate column at times
  const order = COLUMNS.map((_, i) => i);
  if (r() < 0.3) order.sort(() => r() - 0.5);
  const extra = r() < 0.3 ? pick(r, ['Remarks', 'Rate']) : undefined;
  const header = order.map((i) => COLUMNS[i]!);
  if (extra) header.push(extra);
  const out: string[] = [];
  if (r() < 0.2) out.push('GSTR-1 B2B invoices');
  out.push(header.join(sep));
  const odd = r() * 0.15;
  const quoteAt = r() < 0.5 ? Math.floor(lines * (0.4 + 0.5 * r())) : -1;
  let n = 0;
  while (out.length < lines) {
    const doc = GOOD_DOC(r, ++n);
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const cells = [...doc, ...GOOD_ITEM(r)].map((c, i) => (r() < odd ? (i < DOC && r() < 0.5 ? c : pick(r, ODD)) : c));
      // an odd document cell on one line: the next line's prefix differs, or repeats the oddity
      if (r() < odd) doc[Math.floor(r() * DOC)] = pick(r, ODD);
      let row = order.map((i) => cells[i]!);
      if (extra) row.push(r() < 0.5 ? '' : pick(r, ['note', '5', ' ']));
      const shape = r();
      if (shape < 0.01) row = row.map(() => '');
      else if (shape < 0.02) row = row.map((_, i) => (i === row.length - 1 ? 'only here' : ''));
      else if (shape < 0.03) row = row.slice(0, Math.floor(r() * row.length));
      else if (shape < 0.04) row = [...row, 'beyond'];
      else if (shape < 0.05) row = row.map((c, i) => (i === 0 ? pick(r, ['Total', 'Sub Total', 'grand total', 'Total Traders']) : i < 4 ? '' : c));
      // from a quote on, the file goes through papaparse (in half the files, somewhere after the first chunk)
      if (out.length === quoteAt) row[Math.floor(r() * row.length)] = '"quoted, with a separator"';
      out.push(row.join(sep));
    }
  }
  const text = ending === 'mixed' ? out.map((l, i) => (i === 0 ? l : `${r() < 0.002 ? '\r' : '\r\n'}${l}`)).join('') : out.join(nl);
  return text + (r() < 0.5 ? pick(r, [nl, '\r']) : '');
}

interface Reading {
  rows: { row: number; values: unknown; cells: unknown[]; line: string | undefined; blank: boolean[] }[];
  findings: unknown[];
  stats: SheetStats[];
  packed: unknown;
  /** rows read from their lines (LineParsedRow) */
  fromLines: number;
}

async function read(file: string, csvLines: boolean): Promise<Reading> {
  const findings = new FindingList();
  const stats: SheetStats[] = [];
  const parsed: ParsedRow[] = [];
  for await (const batch of readRowBatches([file], { findings, stats, csvLines })) for (const r of batch) parsed.push(r);
  const packer = new RowPacker();
  const packed = parsed.length ? packer.pack(parsed) : undefined;
  const rows = parsed.map((p) => ({
    row: p.row, values: p.values, cells: [...p.cells], line: p.line, blank: p.ctx.spec.columns.map((c) => isBlankCell(p, c.field)),
  }));
  return { rows, findings: findings.items, stats, packed, fromLines: parsed.filter((p) => p.blankBits !== undefined).length };
}

describe('CSV rows read from their lines', () => {
  it('are the rows papaparse and the general coercion give, on random files', async () => {
    let compared = 0;
    let fromLine = 0;
    let findings = 0;
    let lone = 0;
    for (let seed = 1; seed <= 12; seed++) {
      // about 190 KB: three chunks of text, lines cut between them
      const text = randomCsv(seed, 1700);
      // a lone CR before the first quote: the line reading turns to reading the text with every line end made LF
      if (/\r(?!\n)/.test(text.slice(0, text.indexOf('"') >>> 0))) lone++;
      const file = writeText(dirs.dir(), 'b2b.csv', text);
      const { fromLines, ...lines } = await read(file, true);
      const { fromLines: none, ...general } = await read(file, false);
      expect(lines, `seed ${seed}`).toEqual(general);
      expect(none).toBe(0);
      fromLine += fromLines;
      compared += general.rows.length;
      findings += general.findings.length;
    }
    expect(compared).toBeGreaterThan(10_000);
    // most were read from their lines (a file's text from its first quote on goes through papaparse)
    expect(fromLine).toBeGreaterThan(compared / 2);
    expect(findings).toBeGreaterThan(1000);
    expect(lone).toBeGreaterThan(0);
  });

  it('cut where papaparse cuts: lines cut at every separator, an empty cell null', () => {
    const lc = new LineCells();
    const r = prng(7);
    for (let k = 0; k < 2000; k++) {
      const line = Array.from({ length: Math.floor(r() * 90) }, () => pick(r, ['a', ',', ',', ' ', '\u00a0', 'Ś', '1', '\t'])).join('');
      lc.cut(line, ',');
      const cells = cellsOf(line, ',');
      expect(lc.count).toBe(cells.length);
      for (let i = 0; i < cells.length + 2; i++) {
        expect(lc.cell(i)).toBe(cells[i] ?? null);
        expect(lc.blank(i)).toBe(isBlank(cells[i]));
      }
    }
  });
});
