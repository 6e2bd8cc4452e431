/**
 * Test support for the section mappers (not used at run time): parsed rows built straight from
 * field values with a fake sheet context, run through a mapper, assembled into a payload; and the
 * JSON → rows → JSON round trip.
 */
import { FindingList } from '../model/finding.js';
import { parseDecimalText } from '../model/money.js';
import { formatPeriod, parsePeriod } from '../model/period.js';
import { sheetSpec, type SectionKey, type SheetId } from '../model/sheets.js';
import { defaultFor } from '../parsers/coerce.js';
import type { ColumnRef } from '../parsers/headers.js';
import type { RawCell } from '../parsers/raw.js';
import type { ParsedRow, SheetContext } from '../parsers/rows.js';
import { assemblePayload, type Payload } from './payload.js';
import { MAPPERS } from './registry.js';
import type { SheetRow } from './types.js';
import type { ReturnContext } from '../model/return.js';

/** Supplier in Maharashtra (27). */
export const SUPPLIER = '27AAPFU0939F1ZV';

export function returnCtx(opts: { period?: string; sez?: boolean; gstin?: string } = {}): ReturnContext {
  const gstin = opts.gstin ?? SUPPLIER;
  return { gstin, supplierState: gstin.slice(0, 2), period: parsePeriod(opts.period ?? '032025')!, sez: opts.sez ?? false };
}

/** Rupees text → paise, for readable fixtures: `p('10.10')` is 1010. */
export function p(rupees: string): number {
  return parseDecimalText(rupees)!.hundredths;
}

const contexts = new Map<SheetId, SheetContext>();

/** The fake sheet of the official template a test row sits on: columns in template order, header on row 4. */
export function sheetContext(sheet: SheetId): SheetContext {
  let ctx = contexts.get(sheet);
  if (!ctx) {
    const spec = sheetSpec(sheet);
    const columns: Record<string, ColumnRef> = {};
    spec.columns.forEach((c, i) => (columns[c.field] = { header: c.header, col: i + 1 }));
    ctx = {
      file: 'test.xlsx', sheet: spec.names[0]!, spec, columns, format: 'xlsx', headerRow: 4,
      stats: { file: 'test.xlsx', sheet: spec.names[0]!, sheetId: sheet, read: 0, rejected: 0, skipped: 0 },
    };
    contexts.set(sheet, ctx);
  }
  return ctx;
}

/** A parsed row as the reader would yield it: blank cells take the reader's defaults (N, 100 %). */
export function parsedRow(r: SheetRow, row = 5): ParsedRow {
  const ctx = sheetContext(r.sheet);
  const values: Record<string, unknown> = { ...r.values };
  for (const c of ctx.spec.columns) {
    if (values[c.field] === undefined) {
      const d = defaultFor(c.field);
      if (d !== undefined) values[c.field] = d;
    }
  }
  const cells: RawCell[] = ctx.spec.columns.map((c) => {
    const x = values[c.field];
    return x === undefined ? null : (x as RawCell);
  });
  return { ctx, row, values, cells };
}

export interface Mapped {
  /** the whole payload (`gstin`, `fp` and the section) */
  readonly payload: Payload;
  /** the section's JSON, undefined when it has nothing */
  readonly json: unknown;
  readonly findings: FindingList;
  /** add()'s answer for each row */
  readonly accepted: boolean[];
}

/** Feeds rows (numbered from Excel row 5) to one section's mapper and assembles the payload. */
export function mapRows(key: SectionKey, rows: readonly SheetRow[], rctx: ReturnContext = returnCtx()): Mapped {
  const findings = new FindingList();
  const builder = MAPPERS[key].create({ ...rctx, findings });
  const accepted = rows.map((r, i) => builder.add(parsedRow(r, 5 + i)));
  const out = builder.build();
  const payload = assemblePayload(new Map(out ? [[key, out]] : []), { gstin: rctx.gstin, fp: formatPeriod(rctx.period) });
  return { payload, json: payload[key], findings, accepted };
}

/** JSON of a section → template rows (toRows) → the mapper again; returns the rows and the rebuilt JSON. */
export function roundTrip(key: SectionKey, json: unknown, rctx: ReturnContext = returnCtx()): { rows: SheetRow[]; mapped: Mapped } {
  const rows = [...MAPPERS[key].toRows(json, rctx)];
  return { rows, mapped: mapRows(key, rows, rctx) };
}
