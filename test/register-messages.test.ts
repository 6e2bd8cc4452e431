/** The register's finding codes: each has its wording, and none clashes with the other areas. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES } from '../src/report/messages/core.js';
import { REGISTER_MESSAGES } from '../src/report/messages/register.js';
import { REGISTER_LINE_MESSAGES } from '../src/report/messages/register-lines.js';
import { RULE_MESSAGES } from '../src/report/messages/rules.js';

const SOURCES = [
  ...readdirSync('src/register').filter((f) => f.endsWith('.ts')).map((f) => join('src/register', f)),
  'src/cli/commands/split.ts', 'src/cli/commands/mapping.ts',
];

describe('register messages', () => {
  it('every code the register reports has a message and a hint', () => {
    const codes = new Set<string>();
    for (const f of SOURCES) for (const m of readFileSync(f, 'utf8').matchAll(/'((?:REGISTER|OPTION|CELL|AMOUNT)_[A-Z_]+)'/g)) codes.add(m[1]!);
    const all = { ...CORE_MESSAGES, ...RULE_MESSAGES, ...REGISTER_MESSAGES, ...REGISTER_LINE_MESSAGES };
    for (const c of codes) {
      expect(all[c], c).toBeDefined();
      expect(all[c]!.message({ value: 'x' }).length, c).toBeGreaterThan(0);
      expect(all[c]!.hint({}).length, c).toBeGreaterThan(0);
    }
  });

  it('defines no code another area defines (so it can join the catalogue)', () => {
    for (const c of [...Object.keys(REGISTER_MESSAGES), ...Object.keys(REGISTER_LINE_MESSAGES)]) {
      expect(CORE_MESSAGES[c], c).toBeUndefined();
      expect(RULE_MESSAGES[c], c).toBeUndefined();
    }
  });
});
