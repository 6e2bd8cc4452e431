#!/usr/bin/env node
// floor-sax.mjs — the true xlsx floor for `npm run bench`: the bytes gstr1's reader sees (the shared strings and
// every worksheet of every workbook given, inflated by our own zip reader, dist/parsers/zip.js) parsed by saxes with
// nothing else done: no attribute is looked at, no cell value built. What gstr1 takes over this is what it adds on
// top of inflating and tokenising the XML.
//   node bench/floor-sax.mjs [--dist DIR] file.xlsx [more.xlsx...]   → one JSON line {reader, elements, chars, seconds}
// DIR is the build whose zip reader is used (default: dist/ of this project; the bench passes its copy of it).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';

const args = process.argv.slice(2);
let dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
if (args[0] === '--dist') { dist = path.resolve(args[1]); args.splice(0, 2); }
if (!args.length) { console.error('usage: floor-sax.mjs [--dist DIR] file.xlsx...'); process.exit(2); }
const { openEntry, readZip } = await import(pathToFileURL(path.join(dist, 'parsers', 'zip.js')).href);

const t0 = performance.now();
let elements = 0, chars = 0, parts = 0;
for (const file of args) {
  const zip = await readZip(file);
  // the parts our reader streams cell by cell; workbook, rels and styles are a few KB and left out
  const wanted = zip.entries.filter((e) => /^xl\/(sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i.test(e.name));
  for (const entry of wanted) {
    parts++;
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', () => { elements++; });
    parser.on('text', (t) => { chars += t.length; });
    // decoded as src/parsers/xlsx.ts decodes it: a streaming TextDecoder over the inflated chunks
    const dec = new TextDecoder('utf-8');
    for await (const bytes of await openEntry(file, entry)) parser.write(dec.decode(bytes, { stream: true }));
    const rest = dec.decode();
    if (rest) parser.write(rest);
    parser.close();
  }
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ reader: 'zip+saxes', files: args.length, parts, elements, chars, seconds }) + '\n');
