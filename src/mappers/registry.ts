/**
 * One mapper per JSON section. The assembler walks SECTION_KEYS in order and asks this table;
 * a test proves every section key and every template sheet has its mapper.
 */
import type { SectionKey, SheetId } from '../model/sheets.js';
import type { SectionMapper } from './types.js';
import at from './sections/at.js';
import ata from './sections/ata.js';
import b2b from './sections/b2b.js';
import b2ba from './sections/b2ba.js';
import b2cl from './sections/b2cl.js';
import b2cla from './sections/b2cla.js';
import b2cs from './sections/b2cs.js';
import b2csa from './sections/b2csa.js';
import cdnr from './sections/cdnr.js';
import cdnra from './sections/cdnra.js';
import cdnur from './sections/cdnur.js';
import cdnura from './sections/cdnura.js';
import doc_issue from './sections/doc_issue.js';
import ecom from './sections/ecom.js';
import ecoma from './sections/ecoma.js';
import exp from './sections/exp.js';
import expa from './sections/expa.js';
import hsn from './sections/hsn.js';
import nil from './sections/nil.js';
import supeco from './sections/supeco.js';
import supecoa from './sections/supecoa.js';
import txpd from './sections/txpd.js';
import txpda from './sections/txpda.js';

export const MAPPERS: Readonly<Record<SectionKey, SectionMapper>> = {
  b2b, b2ba, b2cl, b2cla, b2cs, b2csa, cdnr, cdnra, cdnur, cdnura,
  exp, expa, at, ata, txpd, txpda, nil, hsn, doc_issue, supeco, supecoa, ecom, ecoma,
};

const BY_SHEET = new Map<SheetId, SectionMapper>();
for (const m of Object.values(MAPPERS)) for (const s of m.sheets) BY_SHEET.set(s, m);

/** The mapper a template sheet feeds. */
export function mapperForSheet(sheet: SheetId): SectionMapper | undefined {
  return BY_SHEET.get(sheet);
}
