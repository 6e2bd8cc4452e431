/**
 * Sheets of the older official templates (V1.x, 2017-2019), still in use by people who copy
 * last year's workbook. Their note sheets (cdnr, cdnra, cdnur, cdnura) carry the original
 * invoice, a reason and "Pre GST" where the current ones have Reverse Charge and Note Supply
 * Type; their hsn sheet has no Rate column. Where the data can be mapped, the sheet is read with
 * the current template's defaults for what it lacks; where it cannot, the file gets one finding
 * saying so, instead of one per missing column.
 */
import { HSN_RATE_FROM } from '../model/dated-rules.js';
import type { Field } from '../model/fields.js';
import { periodKey, type Period } from '../model/period.js';
import type { SheetId, SheetSpec } from '../model/sheets.js';
import type { HeaderMatch } from './headers.js';
import { normaliseHeader } from './headers.js';

interface LegacyLayout {
  readonly sheet: SheetId;
  /** headers only the V1.x layout has (one is enough) */
  readonly markers: readonly string[];
  /** values for the current columns the V1.x layout lacks */
  readonly defaults: Readonly<Partial<Record<Field, unknown>>>;
}

const NOTE_MARKERS = ['Pre GST', 'Invoice/Advance Receipt Number', 'Original Invoice/Advance Receipt Number', 'Reason For Issuing document'];

/** each default is a column of its sheet: rows.ts stores it as the value of that column's blank cell */
export const LEGACY_LAYOUTS: readonly LegacyLayout[] = [
  { sheet: 'cdnr', markers: NOTE_MARKERS, defaults: { rchrg: 'N', invTyp: 'R' } },
  { sheet: 'cdnra', markers: NOTE_MARKERS, defaults: { rchrg: 'N', invTyp: 'R' } },
  { sheet: 'cdnur', markers: NOTE_MARKERS, defaults: {} },
  { sheet: 'cdnura', markers: NOTE_MARKERS, defaults: {} },
];

export type LegacyReading =
  /** not an older layout (or nothing missing): read as usual */
  | { readonly kind: 'current' }
  /** an older layout whose data maps: read with a spec whose missing columns are not required, and these values */
  | { readonly kind: 'mapped'; readonly spec: SheetSpec; readonly defaults: Readonly<Partial<Record<Field, unknown>>>; readonly filled: readonly Field[] }
  /** an older layout that cannot be mapped for this period */
  | { readonly kind: 'unmapped'; readonly reason: 'hsn-rate' };

/** A column only the V1.x note sheets have (their reading says it is not reported any more). */
export function isLegacyColumn(header: string): boolean {
  return NOTE_MARKERS.some((m) => normaliseHeader(m) === normaliseHeader(header)) || normaliseHeader(header) === normaliseHeader('Invoice/Advance Receipt date')
    || normaliseHeader(header) === normaliseHeader('Original Invoice/Advance Receipt date');
}

function hasMarker(m: HeaderMatch, markers: readonly string[]): boolean {
  const keys = new Set(markers.map(normaliseHeader));
  return m.unknown.some((u) => keys.has(normaliseHeader(u.header)));
}

function relaxed(spec: SheetSpec, fields: readonly Field[]): SheetSpec {
  return { ...spec, columns: spec.columns.map((c) => (fields.includes(c.field) ? { ...c, required: false } : c)) };
}

/** How a sheet whose header row lacks required columns is read, when it is an older official layout. */
export function legacyReading(spec: SheetSpec, m: HeaderMatch, period: Period | undefined): LegacyReading {
  // V1.x hsn: no Rate column, which is fine for returns before the rate became mandatory (the
  // HSN_MANDATORY rule asks for Total Value then) and cannot be mapped from then on
  if (spec.id === 'hsn' && !m.columns.rt && period && periodKey(period) >= HSN_RATE_FROM) return { kind: 'unmapped', reason: 'hsn-rate' };
  if (m.missing.length === 0) return { kind: 'current' };
  const layout = LEGACY_LAYOUTS.find((l) => l.sheet === spec.id);
  if (!layout || !hasMarker(m, layout.markers)) return { kind: 'current' };
  const fillable = m.missing.every((f) => f in layout.defaults);
  if (!fillable) return { kind: 'current' };
  return { kind: 'mapped', spec: relaxed(spec, m.missing), defaults: layout.defaults, filled: m.missing };
}
