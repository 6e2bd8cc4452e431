/** A return's JSON through to-excel and convert again: the JSON written, the JSON back, and convert's findings. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertFiles } from '../../src/api/convert.js';
import { toExcel } from '../../src/api/to-excel.js';

export async function jsonRoundTrip(root: string, body: { gstin: string; fp: string }, name: string) {
  const json = join(root, `${name}.json`);
  const text = JSON.stringify(body);
  writeFileSync(json, text);
  const xlsx = join(root, `${name}.xlsx`);
  await toExcel([json], { out: xlsx });
  const out = join(root, `${name}-again.json`);
  // forced: the JSON is written whatever convert finds, to compare it with what went in
  const converted = await convertFiles([xlsx], { gstin: body.gstin, period: body.fp, out, force: true });
  return { text, again: readFileSync(out, 'utf8'), findings: converted.result.findings.items };
}
