/**
 * What the result says about sales registers: how they were read (a saved column mapping, a
 * chosen layout), with a button to stop that; and the documents-issued series derived for Table 13,
 * as the command line's summary prints them.
 */
import { SERIES_TITLE } from '../../src/register/summary.js';
import type { PageReading } from '../../src/web/check.js';

export interface ReadingActions {
  /** forget the saved mapping and check again */
  forgetMapping(): void;
  /** recognise the layout (no preset) and check again */
  recognise(): void;
}

const quoted = (t: string) => `"${t}"`;
const names = (files: readonly string[]) => files.join(', ');

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The sentences and buttons saying how the registers were read; none when nothing was applied
 * or set aside that the user should know of. `registers`: whether any file was read as one (a
 * mapping that fits none of a template workbook's files is not worth a word; a layout chosen is).
 */
export function readingNote(r: PageReading, registers: boolean, act: ReadingActions): (Node | string)[] {
  const out: (Node | string)[] = [];
  const unused = r.mappingUnused;
  if (r.mapping) {
    out.push(`Read with your saved column mapping ${quoted(r.mapping.name)}: its columns are in ${names(r.mapping.files)}. `, button('Forget the mapping and check again', act.forgetMapping));
  }
  if (r.preset) {
    const mapping = unused?.why === 'preset' ? ` (your saved column mapping ${quoted(unused.name)} was not used)` : '';
    // a layout that fits none of the files leaves them to the template reader: said, not left to puzzle over
    out.push(
      registers
        ? `Read with the register layout ${quoted(r.preset)}, chosen under Sales register options${mapping}. `
        : `The register layout ${quoted(r.preset)}, chosen under Sales register options, fits none of these files: they were read as the GSTR-1 template${mapping}. `,
      button('Recognise the layout instead', act.recognise),
    );
  }
  if (unused?.why === 'other-register') {
    out.push(
      `Your saved column mapping ${quoted(unused.name)} fits ${names(unused.fits ?? [])}, but ${names(unused.others ?? [])} ${(unused.others ?? []).length === 1 ? 'is a sales register' : 'are sales registers'} of another layout: one check reads its registers one way, so the mapping was not used. Check ${names(unused.fits ?? [])} on its own to use it. `,
      button('Forget the mapping and check again', act.forgetMapping),
    );
  }
  if (unused?.why === 'fits-none' && registers) {
    out.push(`Your saved column mapping ${quoted(unused.name)} does not fit these files: they were recognised by their headers. `, button('Forget the mapping and check again', act.forgetMapping));
  }
  return out;
}

/** The documents-issued series as a table (header row first), under the command line's heading. */
export function seriesTable(rows: readonly (readonly string[])[], leftOut?: string): HTMLElement[] {
  if (rows.length < 2) return [];
  const [head, ...body] = rows;
  const cell = (tag: 'th' | 'td', text: string, i: number) => Object.assign(document.createElement(tag), { textContent: text, ...(i === 3 || i === 5 ? { className: 'num' } : {}), ...(tag === 'th' ? { scope: 'col' } : {}) });
  const h = Object.assign(document.createElement('h3'), { id: 'series-title', textContent: SERIES_TITLE });
  const table = document.createElement('table');
  table.id = 'series';
  table.setAttribute('aria-labelledby', 'series-title');
  const thead = table.createTHead().insertRow();
  thead.append(...head!.map((t, i) => cell('th', t, i)));
  const tbody = table.createTBody();
  for (const r of body) tbody.insertRow().append(...r.map((t, i) => cell('td', t, i)));
  const why = Object.assign(document.createElement('p'), {
    className: 'muted',
    textContent: `Numbers missing from a series are counted as cancelled in Table 13: if one was issued, add it to the register.${leftOut ? ` ${leftOut}` : ''}`,
  });
  return [h, why, table];
}
