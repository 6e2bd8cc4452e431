import { describe, expect, it } from 'vitest';
import type { Severity } from '../../model/finding.js';
import type { SheetMarks } from './marks.js';
import { rewriteSheet, SheetXmlError, type SheetEdit, type SheetEditResult } from './sheet-rewrite.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const LEGACY = '<legacyDrawing r:id="rIdNotes"/>';

/** row → col → severity, as marks (finding index 0 is an error, 1 a warning). */
function marks(spec: Record<number, Record<number, Severity>>): SheetMarks {
  const m: SheetMarks = new Map();
  for (const [row, cols] of Object.entries(spec)) {
    m.set(Number(row), new Map(Object.entries(cols).map(([c, sev]) => [Number(c), [sev === 'error' ? 0 : 1]])));
  }
  return m;
}

function edit(m: SheetMarks, o: Partial<SheetEdit> = {}): SheetEdit {
  return {
    marks: m,
    severity: (idx) => (idx.includes(0) ? 'error' : 'warning'),
    // a style index that shows which style it was made from
    styleFor: (s, sev) => 100 + s * 10 + (sev === 'error' ? 1 : 0),
    legacyDrawingId: 'rIdNotes',
    unselect: true,
    ...o,
  };
}

async function run(xml: string, e: SheetEdit, size: number, result: SheetEditResult = {}): Promise<string> {
  const bytes = Buffer.from(xml, 'utf8');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const out: Buffer[] = [];
  for await (const c of rewriteSheet(chunks(), e, result)) out.push(Buffer.from(c));
  return Buffer.concat(out).toString('utf8');
}

const SHEET =
  `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
  '<sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>5</v></c></row><row r="3"/>' +
  '<row r="4" s="7" customFormat="1"><c r="B4" t="inlineStr"><is><t>₹ “x”</t></is></c></row><row r="5"><c r="A5"><f>SUM(1,2)</f><v>3</v></c></row></sheetData>' +
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><tableParts count="0"/></worksheet>';

describe('rewriteSheet', () => {
  const m = marks({
    1: { 2: 'error', 3: 'warning' }, // a missing cell between two, and a styled one
    2: { 1: 'error' }, // a row the sheet does not have
    3: { 4: 'error' }, // a self-closing row
    4: { 2: 'warning', 5: 'error' }, // an unstyled cell in a formatted row, and a missing one there
    9: { 1: 'error' }, // after the last row
  });
  const want =
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${NS}><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="101"/><c r="C1" s="120"><v>5</v></c></row>' +
    '<row r="2"><c r="A2" s="101"/></row><row r="3"><c r="D3" s="101"/></row>' +
    '<row r="4" s="7" customFormat="1"><c s="100" r="B4" t="inlineStr"><is><t>₹ “x”</t></is></c><c r="E4" s="171"/></row>' +
    '<row r="5"><c r="A5"><f>SUM(1,2)</f><v>3</v></c></row><row r="9"><c r="A9" s="101"/></row></sheetData>' +
    `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${LEGACY}<tableParts count="0"/></worksheet>`;

  it.each([1, 2, 3, 5, 7, 13, 64, 4096, 1 << 20])('puts the marks on with %i-byte chunks, everything else byte for byte', async (size) => {
    expect(await run(SHEET, edit(m), size)).toBe(want);
  });

  it('passes a sheet through unchanged when nothing is marked on it and it gets no notes', async () => {
    const xml = SHEET.replace(' tabSelected="1"', '');
    expect(await run(xml, edit(new Map(), { legacyDrawingId: undefined as never, unselect: false }), 7)).toBe(xml);
  });

  it('keeps the legacy drawing a sheet has (its notes are merged there) and says which', async () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><legacyDrawing r:id="rId7"/></worksheet>`;
    const result: SheetEditResult = {};
    const got = await run(xml, edit(marks({ 1: { 1: 'warning' } })), 11, result);
    expect(got).toBe(`<worksheet ${NS}><sheetData><row r="1"><c s="100" r="A1"><v>1</v></c></row></sheetData><legacyDrawing r:id="rId7"/></worksheet>`);
    expect(result.existingLegacyDrawing).toBe('rId7');
  });

  it('declares the relationships namespace on the new legacy drawing when the sheet does not', async () => {
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins left="1"/></worksheet>';
    expect(await run(xml, edit(marks({ 1: { 1: 'error' } })), 4)).toBe(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="101"/></row></sheetData><pageMargins left="1"/>' +
        '<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdNotes"/></worksheet>',
    );
  });

  it('fills an empty sheet, and handles namespace prefixes and rows without numbers', async () => {
    const empty = `<worksheet ${NS}><sheetData/></worksheet>`;
    expect(await run(empty, edit(marks({ 2: { 2: 'error' } }), { legacyDrawingId: undefined as never }), 3)).toBe(
      `<worksheet ${NS}><sheetData><row r="2"><c r="B2" s="101"/></row></sheetData></worksheet>`,
    );
    const x = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(await run(x, edit(marks({ 2: { 2: 'error', 4: 'warning' } }), { legacyDrawingId: undefined as never }), 5)).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c></x:row>' +
        '<x:row><x:c><x:v>2</x:v></x:c><x:c s="101"><x:v>3</x:v></x:c><x:c r="D2" s="100"/></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('fails on a sheet cut short, rather than write a broken one', async () => {
    const cut = SHEET.slice(0, SHEET.indexOf('<row r="5"'));
    await expect(run(cut, edit(m), 64)).rejects.toBeInstanceOf(SheetXmlError);
    await expect(run(SHEET.replace('</worksheet>', ''), edit(m), 64)).rejects.toBeInstanceOf(SheetXmlError);
  });
});
