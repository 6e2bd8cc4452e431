import { describe, expect, it } from 'vitest';
import { SECTION_KEYS, SHEET_IDS, sheetSpec } from '../model/sheets.js';
import { MAPPERS, mapperForSheet } from './registry.js';

describe('mapper registry', () => {
  it('has a mapper for every section key, registered under its own key', () => {
    for (const key of SECTION_KEYS) {
      expect(MAPPERS[key], key).toBeDefined();
      expect(MAPPERS[key].key).toBe(key);
    }
    expect(Object.keys(MAPPERS).sort()).toEqual([...SECTION_KEYS].sort());
  });

  it('feeds every template sheet to exactly one mapper, the one of its section', () => {
    for (const sheet of SHEET_IDS) {
      const feeders = Object.values(MAPPERS).filter((m) => m.sheets.includes(sheet));
      expect(feeders.map((m) => m.key), sheet).toEqual([sheetSpec(sheet).section]);
      expect(mapperForSheet(sheet)).toBe(feeders[0]);
    }
  });

  it('lists no sheet that the template does not have', () => {
    for (const m of Object.values(MAPPERS)) for (const s of m.sheets) expect(SHEET_IDS).toContain(s);
  });
});
