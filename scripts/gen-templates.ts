/**
 * Regenerates the committed template files from the vocabulary (src/model/sheets.ts), with the
 * same code as `gstr1 template`:
 *   templates/GSTR1_Excel_Workbook_Template.xlsx   the blank workbook (current layout)
 *   templates/csv/<sheet>.csv                       one header-only CSV per sheet
 *   templates/sample/gstr1-sample.xlsx              the sample return (scripts/gen-sample.ts),
 *   test/fixtures/sample-csv/<sheet>.csv            and the same data as CSVs
 * test/templates.test.ts fails when the committed files and the vocabulary disagree.
 *
 * Run: npm run gen:templates
 */
import { readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBlankTemplate } from '../src/report/template/blank.js';
import { generateSample } from './gen-sample.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = join(ROOT, 'templates');
const CSV_DIR = join(TEMPLATES, 'csv');

// stale CSVs (a renamed or dropped sheet) must not linger
for (const f of await readdir(CSV_DIR).catch(() => [] as string[])) if (f.endsWith('.csv')) await rm(join(CSV_DIR, f));
const blank = await writeBlankTemplate(TEMPLATES, { csvDir: CSV_DIR, force: true });
const sample = await generateSample();

const rel = (p: string) => relative(ROOT, p);
process.stdout.write(`Wrote ${rel(blank.workbook)}\n`);
process.stdout.write(`Wrote ${blank.csv.length} CSV header files in ${rel(blank.csvDir)}\n`);
process.stdout.write(`Wrote ${rel(sample.xlsx)} and ${Object.keys(sample.rows).length} CSVs in ${rel(sample.csvDir)}\n`);
