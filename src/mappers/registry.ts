/**
 * One mapper per JSON section. The assembler walks SECTION_KEYS in order and asks this table;
 * a test proves every section key and every template sheet has its mapper.
 */
import type { SectionKey, SheetId } from '../model/sheets.js';
import type { SectionMapper } from './types.js';
import b2b from './sections/b2b.js';

export const MAPPERS: Partial<Record<SectionKey, SectionMapper>> = {
  b2b,
};

/** The mapper a template sheet feeds. */
export function mapperForSheet(sheet: SheetId): SectionMapper | undefined {
  for (const m of Object.values(MAPPERS)) if (m.sheets.includes(sheet)) return m;
  return undefined;
}
