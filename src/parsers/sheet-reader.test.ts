import { describe, expect, it } from 'vitest';
import { cutAtRandom, prng } from '../../test/helpers/random.js';
import type { RawRow } from './raw.js';
import { SharedStrings } from './shared-strings.js';
import { SheetCells } from './sheet-cells.js';
import { SheetReader } from './sheet-reader.js';
import { HANDOFF, MORE, RowScanner } from './sheet-scan.js';

const strings = new SharedStrings();
for (const s of ['zero', 'one & two', 'तीन']) strings.add(s);
strings.done();
/** style 1 is a date format */
const dateStyles = Uint8Array.of(0, 1);

/** The rows of a sheet's XML written in the given chunks, or the error it ends in. */
function read(chunks: string[], scan: boolean): { rows: RawRow[] } | { error: string } {
  const out: RawRow[] = [];
  const reader = new SheetReader(strings, dateStyles, false, out, scan);
  try {
    for (const c of chunks) reader.write(c);
    reader.close();
    return { rows: out };
  } catch (e) {
    return { error: (e as Error).message };
  }
}


/** Cells as writers produce them, and the odd ones a hostile or unusual file may hold. */
const CELLS = [
  '<c r="A1"><v>1</v></c>',
  '<c r="B1" s="1"><v>45721.25</v></c>',
  '<c r="C1" s="1" t="n"><v>12</v></c>',
  '<c t="s"><v>1</v></c>',
  '<c r="D1" s="0" t="s"><v>2</v></c>',
  '<c t="s"><v>9</v></c>',
  '<c t="s"><v>0.5</v></c>',
  '<c t="s"><v></v></c>',
  '<c t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></is></c>',
  '<c t="inlineStr"><is><t xml:space="preserve">  spaced  </t></is></c>',
  '<c t="inlineStr"><is><t>x</t><t>y</t></is></c>',
  '<c t="inlineStr"><is><t/></is></c>',
  '<c t="inlineStr"><is><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r></is></c>',
  '<c t="inlineStr"><is><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></is></c>',
  '<c t="inlineStr"><is><t>line_x000D__x000A_end</t></is></c>',
  '<c t="inlineStr"><is><t>🙂 ₹</t></is></c>',
  '<c t="inlineStr"><is><t>a\r\nb\rc</t></is></c>',
  '<c t="inlineStr"><is><t>tab\there\nnl</t></is></c>',
  '<c t="inlineStr"><is>\n  <t>spaced tags</t>\n</is></c>',
  '<c t="str"><f>A1&amp;"!"</f><v>text!</v></c>',
  '<c t="str"><f>""</f><v></v></c>',
  '<c><f>SUM(A1:A2)</f></c>',
  '<c><f t="shared" ref="A1:A3" si="0">B1*2</f><v>4</v></c>',
  '<c><f t="shared" si="0"/><v>6</v></c>',
  '<c><f t="shared" si="0"/></c>',
  '<c t="b"><v>1</v></c>',
  '<c t="b"><v>false</v></c>',
  '<c t="b"><v>2</v></c>',
  '<c t="e"><f>1/0</f><v>#DIV/0!</v></c>',
  '<c t="d"><v>2025-03-05T10:00:00</v></c>',
  '<c t="d"><v>not a date</v></c>',
  '<c/>',
  '<c r="E1" s="0"/>',
  '<c><v/></c>',
  '<c><f>L5*0.01</f><v/></c>',
  '<c t="n"><f>A1</f><v></v></c>',
  '<c t="e"><f>A1</f><v></v></c>',
  '<c><v>1e-320</v></c>',
  '<c><v>0x10</v></c>',
  '<c><v> 12 </v></c>',
  '<c><v>-1.5E+3</v></c>',
  '<c><v>.5</v></c>',
  '<c><v>5.</v></c>',
  '<c><v>123456789012345678</v></c>',
  '<c r="XFD1"><v>1</v></c>',
  '<c r="XFE1"><v>1</v></c>',
  '<c r="A1" r="B1"><v>1</v></c>',
  "<c r='C1' t='s'><v>0</v></c>",
  '<c r = "D1"  s = "1" ><v>3</v></c>',
  '<c r="a1"><v>1</v></c>',
  '<c r="1"><v>1</v></c>',
  '<c s="abc"><v>1</v></c>',
  '<c s=""><v>45000</v></c>',
  '<c s=" 1"><v>45000</v></c>',
  '<c t=""><v>1</v></c>',
  '<c t="x"><v>1</v></c>',
  '<c r="A1&amp;"><v>1</v></c>',
  '<c r="A\t1"><v>1</v></c>',
  '<c r="A1"s="1"><v>1</v></c>',
  '<c r="A1" cm="1" vm="2" ph="1"><v>1</v></c>',
  '<c><v>a&#65;b</v></c>',
  '<c><v>a&#x20B9;</v></c>',
  '<c><v>a&bogus;</v></c>',
  '<c><v>a & b</v></c>',
  '<c><v>x]]>y</v></c>',
  '<c><v>x]>y]</v></c>',
  '<c><v><![CDATA[5]]></v></c>',
  '<c><!-- note --><v>1</v></c>',
  '<c><?pi x?><v>1</v></c>',
  '<x:c r="F1"><x:v>1</x:v></x:c>',
  '<c><v>\u0001</v></c>',
  '<c><v>\ufffe</v></c>',
  '<c><v>1</v><v>2</v></c>',
  '<c><v>1</v> </c>',
  '<c><v>1</v>junk</c>',
  '<c><is><t>a</t></is><v>2</v></c>',
  '<c><t>x</t></c>',
  '<c><v a="1">7</v></c>',
  '<c><extLst/><v>1</v></c>',
  '<c><v>1</c>',
  '<c><v>1</v></d>',
  '<cx><v>1</v></cx>',
  '<c <v>1</v></c>',
  '<c r="A1><v>1</v></c>',
];

const ROWS = [
  (cells: string, n: number) => `<row r="${n}">${cells}</row>`,
  (cells: string, n: number) => `<row r="${n}" spans="1:5" x14ac:dyDescent="0.25" ht="15" customHeight="1">${cells}</row>`,
  (cells: string) => `<row>${cells}</row>`,
  (_: string, n: number) => `<row r="${n}"/>`,
  (cells: string) => `<row r="0">${cells}</row>`,
  (cells: string) => `<row r="abc">${cells}</row>`,
  (cells: string, n: number) => `<row r=" ${n}">${cells}</row>`,
  (cells: string, n: number) => `<row  r="${n}" >\n  ${cells}\n</row>`,
  (cells: string, n: number) => `<row r="${n}" r="${n + 1}">${cells}</row>`,
  (cells: string, n: number) => `<!-- row ${n} --><row r="${n}">${cells}</row>`,
  (cells: string, n: number) => `<x:row r="${n}">${cells}</x:row>`,
  (cells: string, n: number) => `<row r="${n}">${cells}</row >`,
  (cells: string, n: number) => `<row r="${n}">${cells}`,
  (cells: string, n: number) => `<rows r="${n}">${cells}</rows>`,
  (cells: string, n: number) => `text<row r="${n}">${cells}</row>`,
];

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z9"/>';
const HEADS = [
  `${HEAD}<sheetData>`,
  `${HEAD}<!-- <sheetData> --><sheetData>`,
  `${HEAD}<sheetData >`,
  `<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>${HEAD}<sheetData>`,
];
const TAILS = ['</sheetData><mergeCells count="0"/></worksheet>', '</sheetData></worksheet>', '</sheetData>', ''];


describe('SheetReader: the offset scanner and saxes read the same rows', () => {
  it('on 3,000 random sheets of usual and odd cells and rows, in random chunks: the same rows, or the same error', () => {
    const rnd = prng(20261205);
    const pick = <T>(xs: readonly T[], usual = 0.6): T => (rnd() < usual ? xs[0]! : xs[Math.floor(rnd() * xs.length)]!);
    let agreed = 0;
    let failed = 0;
    for (let n = 0; n < 3000; n++) {
      const rows: string[] = [];
      for (let r = 1, count = 1 + Math.floor(rnd() * 6); r <= count; r++) {
        const cells = Array.from({ length: Math.floor(rnd() * 6) }, () => (rnd() < 0.5 ? CELLS[Math.floor(rnd() * 4)]! : CELLS[Math.floor(rnd() * CELLS.length)]!));
        rows.push(pick(ROWS, 0.8)(cells.join(''), r * 2));
      }
      const xml = pick(HEADS, 0.85) + rows.join(rnd() < 0.5 ? '' : '\n') + pick(TAILS, 0.85);
      const whole = read([xml], false);
      expect(read(cutAtRandom(xml, rnd, 40, 400), true), xml).toEqual(whole);
      expect(read([xml], true), xml).toEqual(whole);
      if ('error' in whole) failed++;
      else agreed++;
    }
    // both kinds were met often enough to mean something
    expect(agreed).toBeGreaterThan(500);
    expect(failed).toBeGreaterThan(500);
  });

  it('a row longer than the text at hand waits for the next chunk; one over a megabyte goes to saxes', () => {
    const big = `<row r="1">${`<c t="inlineStr"><is><t>${'abcdefghij'.repeat(10)}</t></is></c>`.repeat(12_000)}</row><row r="2"><c><v>2</v></c></row>`;
    const xml = `${HEAD}<sheetData>${big}</sheetData></worksheet>`;
    const chunks = cutAtRandom(xml, prng(1)).reduce<string[]>((acc, c, i) => (i % 200 === 0 ? acc.push(c) : (acc[acc.length - 1] += c), acc), []);
    const fast = read(chunks, true);
    expect(fast).toEqual(read([xml], false));
    expect('rows' in fast && fast.rows.map((r) => [r.row, r.cells.length])).toEqual([[1, 12_000], [2, 1]]);
  });
});

describe('RowScanner', () => {
  const scanner = () => {
    const out: RawRow[] = [];
    return { out, scanner: new RowScanner(new SheetCells(strings, dateStyles, false, out)) };
  };

  it('reads the rows Excel writes itself, and stops where a row is cut off', () => {
    const { out, scanner: s } = scanner();
    const rows = '<row r="5" spans="1:3"><c r="A5" t="s"><v>1</v></c><c r="B5" s="1"><v>45721</v></c><c r="D5"><f>B5+1</f><v>45722</v></c></row>\n<row r="6"><c r="A6"';
    expect(s.scan(rows)).toBe(MORE);
    expect(s.pos).toBe(rows.indexOf('<row r="6"'));
    expect(out).toEqual([{ row: 5, cells: ['one & two', new Date(Date.UTC(2025, 2, 5)), null, 45722] }]);
  });

  it('hands off at the start of a row it does not read, and at the end of the rows', () => {
    for (const [text, at] of [
      ['<row r="1"><c><v>1</v></c></row><row r="2"><c t="inlineStr"><is><r><t>rich</t></r></is></c></row>', 32],
      ['<row r="1"><c><v>1</v></c></row></sheetData>', 32],
      ['<row r="1"><c><v>a&#65;</v></c></row>', 0],
    ] as const) {
      const { scanner: s } = scanner();
      expect(s.scan(text)).toBe(HANDOFF);
      expect(s.pos).toBe(at);
    }
  });
});
