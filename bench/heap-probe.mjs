#!/usr/bin/env node
// heap-probe.mjs — converts a return in this process and reports how much of the JS heap stays live while it runs,
// for test/memory.test.ts (and by hand). The live heap is `process.memoryUsage().heapUsed + arrayBuffers` (the
// document store's typed arrays live outside the JS heap) right after a forced full GC, sampled every 5,000 rows (processReturn's progress callback) and once more at the end, while the result is still
// referenced. Unlike RSS, it does not depend on when V8 chooses to collect, so a bound on it is stable on a busy machine.
//
//   node --expose-gc --import tsx bench/heap-probe.mjs [--dist] --gstin G --period MMYYYY --out OUT.json FILE...
//     (TS sources through tsx; --dist imports the built dist/ instead, then --import tsx is not needed)
// Prints one JSON line: {baselineMB, peakLiveMB, endLiveMB, samples: [{rows, liveMB}], maxRssMB, rows, errors, warnings}.

if (typeof globalThis.gc !== 'function') {
  console.error('heap-probe: run node with --expose-gc');
  process.exit(2);
}
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); if (i < 0) return undefined; const v = args[i + 1]; args.splice(i, 2); return v; };
const dist = args.includes('--dist');
if (dist) args.splice(args.indexOf('--dist'), 1);
const gstin = opt('--gstin') ?? '27AAACR5055K1Z7';
const period = opt('--period') ?? '102025';
const out = opt('--out');
const files = args;
if (!out || !files.length) {
  console.error('usage: heap-probe.mjs [--dist] --gstin G --period MMYYYY --out OUT.json FILE...');
  process.exit(2);
}

const MB = 1024 * 1024;
const { convertFiles } = await import(dist ? '../dist/api/convert.js' : '../src/api/convert.ts');
// the JS heap plus array buffers: the document store keeps its numbers in typed arrays, outside the heap
const live = () => { globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const baseline = live();
const samples = [];
const res = await convertFiles(files, {
  gstin, period, out, force: true,
  onProgress: (rows) => { samples.push({ rows, liveMB: +(live() / MB).toFixed(1) }); },
});
const end = live();
samples.push({ rows: 'end', liveMB: +(end / MB).toFixed(1) });
const rows = res.result.stats.reduce((s, st) => s + st.read, 0);
process.stdout.write(JSON.stringify({
  baselineMB: +(baseline / MB).toFixed(1),
  peakLiveMB: Math.max(...samples.map((s) => s.liveMB)),
  endLiveMB: +(end / MB).toFixed(1),
  samples,
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  rows,
  errors: res.result.findings.errors,
  warnings: res.result.findings.warnings,
  written: res.written.length,
}) + '\n');
