#!/usr/bin/env node
// floor-exceljs.mjs — the xlsx floor for `npm run bench`: exceljs's streaming WorkbookReader reading every sheet of
// every workbook given and touching every cell (no parsing, no checks). gstr1 reads xlsx through the same reader, so
// gstr1's time on a workbook divided by this one's is what gstr1 adds on top of reading.
//   node bench/floor-exceljs.mjs file.xlsx [more.xlsx...]   → one JSON line {reader, rows, cells, seconds} on stdout
import ExcelJS from 'exceljs';

const files = process.argv.slice(2);
if (!files.length) { console.error('usage: floor-exceljs.mjs file.xlsx...'); process.exit(2); }
const t0 = performance.now();
let rows = 0, cells = 0, numbers = 0, chars = 0;
for (const file of files) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  for await (const ws of reader) {
    for await (const row of ws) {
      rows++;
      const v = row.values; // sparse array, index = column number
      for (let i = 1; i < v.length; i++) {
        const c = v[i];
        if (c === undefined || c === null) continue;
        cells++;
        if (typeof c === 'number') numbers += c;
        else if (typeof c === 'string') chars += c.length;
        else if (c instanceof Date) numbers += c.getTime() / 8.64e7;
        else if (typeof c === 'object' && 'richText' in c) chars += c.richText.length;
      }
    }
  }
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ reader: 'exceljs-stream', files: files.length, rows, cells, checksum: Math.round(numbers) + chars, seconds }) + '\n');
