import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHEET_IDS } from '../model/sheets.js';
import { hintOf, MESSAGES, messageOf } from '../report/messages/index.js';
import { renderRulesDoc } from '../report/rules-doc.js';
import { RULES } from './rules/index.js';

const dir = new URL('./rules/', import.meta.url);
const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');

describe('rule catalogue', () => {
  it('registers every rule module of src/validators/rules, once', async () => {
    const registered = new Set(RULES);
    expect(registered.size).toBe(RULES.length);
    for (const file of modules) {
      const mod = (await import(new URL(file, dir).href)) as { default?: unknown };
      expect(mod.default, `${file} has a default export`).toBeDefined();
      expect(registered.has(mod.default as never), `${file} is listed in rules/index.ts`).toBe(true);
    }
    expect(modules).toHaveLength(RULES.length);
  });

  it('gives each rule a unique code with an area prefix or a portal RET code', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^(RET\d{5,6}|[A-Z][A-Z0-9]*_[A-Z0-9_]+)$/);
  });

  it('gives each rule a sibling test, a description and known sheets', () => {
    for (const file of modules) expect(existsSync(new URL(file.replace(/\.ts$/, '.test.ts'), dir)), `${file} has a test`).toBe(true);
    for (const r of RULES) {
      expect(r.description.length, r.code).toBeGreaterThan(20);
      for (const s of r.sections) expect(SHEET_IDS).toContain(s);
    }
  });

  it('has a message and a hint for every rule code and each of its variants', () => {
    for (const r of RULES) {
      expect(MESSAGES[r.code], `${r.code} has a catalogue entry`).toBeDefined();
      for (const params of r.variants ?? [{}]) {
        const f = { code: r.code, value: 'X', column: 'Col', params };
        expect(messageOf(f).length, r.code).toBeGreaterThan(10);
        expect(hintOf(f).length, r.code).toBeGreaterThan(10);
        expect(messageOf(f)).not.toBe(r.code);
      }
    }
  });

  it('keeps docs/rules.md up to date (npx tsx scripts/gen-rules-doc.ts)', () => {
    const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesDoc());
  });
});
