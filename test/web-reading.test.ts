/**
 * How the page's check reads registers (src/api/page-reading.ts): the saved column mapping only for the
 * files it fits, in its sheet and header row; a chosen layout over it; and what is said of both.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReturn } from '../src/web/check.js';
import { pageReading } from '../src/api/page-reading.js';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'templates/sample/gstr1-sample.xlsx');
const PLAIN = join(ROOT, 'test/fixtures/corpus/plain-register.csv');
const TALLY = join(ROOT, 'test/fixtures/corpus/tally-voucher-register.csv');
const dir = mkdtempSync(join(tmpdir(), 'gstr1-web-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A mapping of plain-register.csv's columns, as the page's editor saves it (its sheet and header row too). */
function mappingFile(extra: Record<string, unknown> = {}): string {
  const file = join(dir, `mapping-${Object.keys(extra).join('-') || 'plain'}.json`);
  writeFileSync(file, JSON.stringify({
    layout: 'register', name: 'sales register plain-register.csv', sheet: 'plain-register', headerRow: 1,
    columns: { docNum: 'Invoice Number', docDate: 'Invoice Date', val: 'Invoice Value', ctin: 'GSTIN of Recipient', pos: 'Place of Supply', txval: 'Taxable Value', rate: 'Rate', iamt: 'IGST Amount', camt: 'CGST Amount', samt: 'SGST Amount' },
    ...extra,
  }));
  return file;
}

describe('web: the saved mapping and the chosen layout', () => {
  it('reads a file the mapping fits with it, and says so', async () => {
    const mapping = mappingFile();
    const r = await pageReading([PLAIN], { preset: '', mapping });
    expect(r).toEqual({ register: { mapping, layout: 'auto' }, reading: { mapping: { name: 'sales register plain-register.csv', files: [PLAIN] } } });
    const checked = await checkReturn([PLAIN], { gstin: '27AAACR5055K1Z7', period: '092025', register: r.register });
    expect(checked.registerFiles).toEqual([PLAIN]);
    expect(checked.errors).toBe(0);
  });

  it('leaves a file it does not fit to the usual reading: the template workbook is read as the template', async () => {
    const r = await pageReading([SAMPLE], { preset: '', mapping: mappingFile() });
    expect(r).toEqual({ register: {}, reading: { mappingUnused: { name: 'sales register plain-register.csv', why: 'fits-none' } } });
    const checked = await checkReturn([SAMPLE], { gstin: '27AAKCS4821M1ZW', period: '102025', register: r.register });
    expect(checked.errors).toBe(0);
    expect(checked.registerFiles).toEqual([]);
  });

  it('fits a file only in the header row it names, where the check reads it', async () => {
    // the same columns, under a title line: the mapping says row 1, the header is on row 2
    const titled = join(dir, 'titled-register.csv');
    writeFileSync(titled, `Sales register September 2025\n${readFileSync(PLAIN, 'utf8')}`);
    expect((await pageReading([titled], { mapping: mappingFile() })).reading.mappingUnused?.why).toBe('fits-none');
    expect((await pageReading([titled], { mapping: mappingFile({ headerRow: 2 }) })).reading.mapping?.files).toEqual([titled]);
  });

  it('does not use it beside a register of another layout (one check reads registers one way), and names both', async () => {
    const r = await pageReading([PLAIN, TALLY], { mapping: mappingFile() });
    expect(r).toEqual({ register: {}, reading: { mappingUnused: { name: 'sales register plain-register.csv', why: 'other-register', fits: [PLAIN], others: [TALLY] } } });
  });

  it('reads with the layout chosen for the check, over the saved mapping, and names it', async () => {
    const r = await pageReading([TALLY], { preset: 'tally', mapping: mappingFile() });
    expect(r.register).toEqual({ preset: 'tally' });
    expect(r.reading.preset).toMatch(/^TallyPrime/);
    expect(r.reading.mappingUnused).toEqual({ name: 'sales register plain-register.csv', why: 'preset' });
  });
});
