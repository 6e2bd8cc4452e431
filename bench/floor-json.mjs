#!/usr/bin/env node
// floor-json.mjs — the writing half of a CSV convert's floor for `npm run bench`: the JSON files a convert wrote,
// read and parsed first (not timed), then each stringified by JSON.stringify and written to a new folder (timed),
// nothing else done. papaparse's floor is the least a convert reads; this is the least it writes.
//   node bench/floor-json.mjs <folder of .json> <out folder>
//     → one JSON line {files, bytes, identical, seconds} on stdout; seconds is the timed part only, the process's wall
//       time counts the untimed parse too. identical: every file written is byte for byte the file read.
import fs from 'node:fs';
import path from 'node:path';

const [from, to] = process.argv.slice(2);
if (!from || !to) { console.error('usage: floor-json.mjs <folder of .json> <out folder>'); process.exit(2); }
const names = fs.readdirSync(from).filter((f) => f.endsWith('.json')).sort();
if (!names.length) { console.error(`no .json file in ${from}`); process.exit(2); }
fs.mkdirSync(to, { recursive: true });
const docs = names.map((f) => JSON.parse(fs.readFileSync(path.join(from, f), 'utf8')));

const t0 = performance.now();
for (let i = 0; i < docs.length; i++) fs.writeFileSync(path.join(to, names[i]), JSON.stringify(docs[i]));
const seconds = (performance.now() - t0) / 1000;

const bytes = names.reduce((n, f) => n + fs.statSync(path.join(to, f)).size, 0);

const identical = names.every((f) => fs.readFileSync(path.join(to, f)).equals(fs.readFileSync(path.join(from, f))));
process.stdout.write(JSON.stringify({ files: names.length, bytes, identical, seconds }) + '\n');
