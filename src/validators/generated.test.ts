import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaCode, schemaPointers, TARGET_PATHS } from '../../scripts/gen-schema-code.mjs';
import { validators } from './generated/retsave-validators.js';
import { retsaveSchema, validatorAt } from './schema.js';

describe('precompiled schema validators', () => {
  it('match schema/retsave.json (npm run gen:schema)', () => {
    const fresh = generateSchemaCode();
    for (const kind of ['js', 'dts'] as const) {
      const path = TARGET_PATHS[kind];
      const committed = readFileSync(path, 'utf8');
      // no diff of a ~600 KB file on failure: the first line that differs is enough
      const a = committed.split('\n');
      const b = fresh[kind].split('\n');
      let line = 0;
      while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
      const where = committed === fresh[kind] ? '' : `, first at line ${line + 1}: ${(b[line] ?? '<end of file>').slice(0, 160)}`;
      expect(committed === fresh[kind], `${basename(path)} is out of date: run \`npm run gen:schema\`${where}`).toBe(true);
    }
  });

  it('cover every property, section item and definition, and nothing else', () => {
    const pointers = schemaPointers(retsaveSchema());
    expect(pointers).toContain('/properties/b2b/items');
    expect(pointers).toContain('/definitions/b2bInvoice');
    expect(Object.keys(validators)).toEqual(pointers);
    for (const p of pointers) expect(typeof validatorAt(p), p).toBe('function');
    expect(() => validatorAt('/properties/nope')).toThrow('schema/retsave.json has nothing at /properties/nope');
    expect(() => validatorAt('/definitions/b2bInvoice/properties/inum')).toThrow(/nothing at/);
    expect(() => validatorAt('toString')).toThrow(/nothing at/);
  });

  it('make no options object when called with the value alone (one frozen object is shared)', () => {
    const { js } = generateSchemaCode();
    expect(js).not.toContain('}={})');
    // every validator function defaults to it
    expect(js.match(/rootData=data\}=NO_OPTIONS\)/g)?.length).toBe(js.match(/\bfunction validate\d+\(/g)?.length);
    // called with the value alone, a validator still says where an error is from its root
    const amount = validatorAt('/definitions/amount');
    expect([amount(12.5), amount('12')]).toEqual([true, false]);
    expect(amount.errors?.[0]?.instancePath).toBe('');
  });

  it('refuse a format keyword they would not check', () => {
    const schema = structuredClone(retsaveSchema()) as unknown as { definitions: Record<string, object> };
    schema.definitions.date = { type: 'string', format: 'date' };
    expect(() => generateSchemaCode(schema)).toThrow(/"format": "date" at \/definitions\/date/);
  });
});
