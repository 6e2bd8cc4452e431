/**
 * A return's JSON as the official template's rows, sheet by sheet: each section's mapper turns
 * its JSON back into rows (`toRows`). Shared by to-excel and split, in Node and on the web page.
 */
import type { Field } from '../model/fields.js';
import type { Period } from '../model/period.js';
import { sheetSpec, type SheetId } from '../model/sheets.js';
import { MAPPERS } from '../mappers/registry.js';
import type { SheetRow } from '../mappers/types.js';
import type { ReturnContext } from '../model/return.js';
import type { RowValues } from '../report/template/writer.js';

/** A return read from JSON: envelope plus the sections, chunks merged. */
export interface ReturnJson {
  readonly gstin: string;
  readonly fp: string;
  readonly period: Period;
  readonly sections: Readonly<Record<string, unknown>>;
  /** the file each key first came from, for messages */
  readonly origin: Readonly<Record<string, string>>;
}

/**
 * Mandatory columns the JSON has no value for (the operator's name in Table 14 is not reported):
 * filled from another field so the workbook converts again.
 */
const FILL_FROM: Partial<Record<Field, Field>> = { ecoName: 'etin' };

function fill(sheet: SheetId, v: RowValues): RowValues {
  let out = v;
  for (const col of sheetSpec(sheet).columns) {
    const from = FILL_FROM[col.field];
    if (!col.required || !from || (v[col.field] !== undefined && v[col.field] !== '') || v[from] === undefined) continue;
    out = { ...out, [col.field]: v[from] };
  }
  return out;
}

/** The template rows of a return, sheet by sheet (re-iterable: each call walks the JSON again). */
export function returnRows(ret: ReturnJson, ctx: ReturnContext, skip: ReadonlySet<string> = new Set()): (sheet: SheetId) => Iterable<RowValues> {
  return (sheet) => {
    const section = sheetSpec(sheet).section;
    const mapper = MAPPERS[section];
    const json = ret.sections[section];
    if (!mapper || json === undefined || skip.has(section)) return [];
    return (function* () {
      for (const r of mapper.toRows(json, ctx) as Iterable<SheetRow>) if (r.sheet === sheet) yield fill(sheet, r.values);
    })();
  };
}
