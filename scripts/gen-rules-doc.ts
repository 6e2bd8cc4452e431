/**
 * Writes docs/rules.md from the rule catalogue and the message catalogue.
 *   npx tsx scripts/gen-rules-doc.ts          rewrite docs/rules.md
 *   npx tsx scripts/gen-rules-doc.ts --check  exit 1 when docs/rules.md is out of date
 */
import { readFile, writeFile } from 'node:fs/promises';
import { renderRulesDoc } from '../src/report/rules-doc.js';

const target = new URL('../docs/rules.md', import.meta.url);
const text = renderRulesDoc();
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    process.stderr.write('docs/rules.md is out of date: run npx tsx scripts/gen-rules-doc.ts\n');
    process.exitCode = 1;
  }
} else {
  await writeFile(target, text);
  process.stdout.write('wrote docs/rules.md\n');
}
