/** The upload tables keyed by section: complete by type, document nesting taken from the mappers. */
import { describe, expect, it } from 'vitest';
import { OptionError } from '../model/errors.js';
import { SECTION_KEYS, type SectionKey } from '../model/sheets.js';
import { createProvider } from './providers/index.js';
import type { ProviderName } from './config.js';
import { LAYOUTS, layoutOf, walkRecords, type Layout } from './records.js';

describe('upload: section layouts', () => {
  it('has one layout per section, and a table missing one does not compile', () => {
    expect(Object.keys(LAYOUTS).sort()).toEqual([...SECTION_KEYS].sort());
    // @ts-expect-error a table keyed by SectionKey must name every section
    const partial: Record<SectionKey, Layout> = { b2b: LAYOUTS.b2b };
    expect(Object.keys(partial)).toEqual(['b2b']);
  });

  it('nests documents as their mappers write them', () => {
    expect(LAYOUTS.b2b).toEqual({ kind: 'grouped', groupField: 'ctin', groupKey: 'ctin', listKey: 'inv', number: 'inum' });
    expect(LAYOUTS.b2cla).toEqual({ kind: 'grouped', groupField: 'pos', groupKey: 'pos', listKey: 'inv', number: 'inum' });
    expect(LAYOUTS.exp).toEqual({ kind: 'grouped', groupField: 'exp_typ', groupKey: 'expTyp', listKey: 'inv', number: 'inum' });
    expect(LAYOUTS.cdnra).toEqual({ kind: 'grouped', groupField: 'ctin', groupKey: 'ctin', listKey: 'nt', number: 'nt_num' });
    expect(LAYOUTS.cdnur).toEqual({ kind: 'flat', number: 'nt_num' });
  });

  it('knows only section keys (not an object\'s inherited names)', () => {
    expect(layoutOf('b2cs')).toEqual({ kind: 'flat' });
    expect(layoutOf('toString')).toBeUndefined();
    expect([...walkRecords({ gstin: 'x', constructor: [{ inum: '1' }], b2cs: [{ pos: '27', rt: 18 }] })].map((e) => e.section)).toEqual(['b2cs']);
  });
});

describe('upload: createProvider', () => {
  it('refuses a name it does not know instead of building another provider', async () => {
    const err = await createProvider('whitebook' as ProviderName, { env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OptionError);
    expect((err as OptionError).code).toBe('UPLOAD_PROVIDER_NAME');
    expect((err as OptionError).params).toMatchObject({ value: 'whitebook', allowed: 'whitebooks, sandbox' });
  });
});
