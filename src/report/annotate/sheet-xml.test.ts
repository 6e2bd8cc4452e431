import { describe, expect, it } from 'vitest';
import { SheetXmlScanner, parseLayout } from './sheet-xml.js';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><tabColor rgb="FF00B050"/></sheetPr>' +
  '<dimension ref="A1:M9"/><sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0">' +
  '<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
  '<cols><col min="1" max="1" width="22.7109375" customWidth="1"/><col min="3" max="5" width="14" customWidth="1"/>' +
  '<col min="7" max="7" width="9" hidden="1" customWidth="1"/></cols>';
const ROWS = Array.from({ length: 300 }, (_, i) => `<row r="${i + 5}"><c r="A${i + 5}" t="inlineStr"><is><t>Café ₹ ${i}</t></is></c></row>`).join('');
const TAIL = '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="E2:F2"/></mergeCells><pageMargins left="0.7"/></worksheet>';
const XML = `${HEAD}<sheetData>${ROWS}</sheetData>${TAIL}`;

async function scan(chunks: (Buffer | string)[]) {
  const s = new SheetXmlScanner();
  const seen: Buffer[] = [];
  for await (const c of s.wrap((async function* () {
    yield* chunks;
  })())) {
    seen.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  }
  return { s, passed: Buffer.concat(seen).toString('utf8') };
}

function split(text: string, size: number): Buffer[] {
  const b = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return out;
}

describe('SheetXmlScanner', () => {
  it.each([1, 3, 7, 11, 12, 13, 64, 4096, 1 << 20])('finds layout and merges with %i-byte chunks, passing bytes through unchanged', async (size) => {
    const { s, passed } = await scan(split(XML, size));
    expect(passed).toBe(XML);
    expect(s.layout).toEqual({
      cols: [
        { min: 1, max: 1, width: 22.7109375, hidden: false },
        { min: 3, max: 5, width: 14, hidden: false },
        { min: 7, max: 7, width: 9, hidden: true },
      ],
      defaultRowHeight: 15,
      zoomScale: 85,
      frozen: { xSplit: 0, ySplit: 4, topLeftCell: 'A5' },
      tabColor: 'FF00B050',
    });
    expect(s.merges).toEqual(['A1:C1', 'E2:F2']);
  });

  it('handles an empty sheet and string chunks', async () => {
    const { s } = await scan([`${HEAD}<sheetData/>`, TAIL]);
    expect(s.layout.cols).toHaveLength(3);
    expect(s.merges).toEqual(['A1:C1', 'E2:F2']);
  });

  it('handles a sheet without cols, views or merges', async () => {
    const { s } = await scan(['<worksheet><sheetData><row r="1"/></sheetData></worksheet>']);
    expect(s.layout).toEqual({ cols: [] });
    expect(s.merges).toEqual([]);
  });

  it('ignores split (not frozen) panes and bad attributes', () => {
    expect(parseLayout('<sheetView><pane xSplit="2000" ySplit="1000" state="split"/></sheetView><cols><col min="x" max="2"/></cols>')).toEqual({ cols: [] });
  });
});
