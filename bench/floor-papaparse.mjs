#!/usr/bin/env node
// floor-papaparse.mjs — the CSV floor for `npm run bench`: papaparse streaming every CSV given (or every .csv in a
// folder) and touching every field, rows as arrays (its fastest mode), UTF-8. gstr1 reads CSV through papaparse too.
//   node bench/floor-papaparse.mjs dir/ | file.csv...   → one JSON line {reader, rows, cells, seconds} on stdout
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const args = process.argv.slice(2);
if (!args.length) { console.error('usage: floor-papaparse.mjs dir/ | file.csv...'); process.exit(2); }
const files = args.flatMap((a) => (fs.statSync(a).isDirectory()
  ? fs.readdirSync(a).filter((f) => f.toLowerCase().endsWith('.csv')).sort().map((f) => path.join(a, f))
  : [a]));
const t0 = performance.now();
let rows = 0, cells = 0, chars = 0;
for (const file of files) {
  await new Promise((resolve, reject) => {
    Papa.parse(fs.createReadStream(file, { encoding: 'utf8' }), {
      header: false,
      skipEmptyLines: true,
      step: (res) => {
        rows++;
        const r = res.data;
        for (let i = 0; i < r.length; i++) { if (r[i] !== '') { cells++; chars += r[i].length; } }
      },
      complete: resolve,
      error: reject,
    });
  });
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ reader: 'papaparse-stream', files: files.length, rows, cells, checksum: chars, seconds }) + '\n');
