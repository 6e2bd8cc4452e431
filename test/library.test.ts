/** The package's library entry point: the typed API the CLI is built on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as gstr1 from '../src/index.js';
import { tempDir } from './helpers/files.js';

describe('library API (src/index.ts)', () => {
  it('converts the sample return without the CLI', async () => {
    const out = join(tempDir(), 'sample.json');
    const { result, written, refused } = await gstr1.convertFiles(['templates/sample/gstr1-sample.xlsx'], {
      gstin: '27AAKCS4821M1ZW', period: '102025', out,
    });
    expect(refused).toBe(false);
    expect(written).toEqual([out]);
    expect(result.findings.errors).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).fp).toBe('102025');
  });

  it('exports the pieces an integrator needs', () => {
    expect(typeof gstr1.validateFiles).toBe('function');
    expect(typeof gstr1.uploadFiles).toBe('function');
    expect(typeof gstr1.annotateFiles).toBe('function');
    expect(typeof gstr1.upload.startEmulator).toBe('function');
    expect(gstr1.gstinCheckChar('27AAKCS4821M1Z')).toBe('W');
    expect(gstr1.SECTION_KEYS).toContain('doc_issue');
  });
});
