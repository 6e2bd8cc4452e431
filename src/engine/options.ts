/**
 * Normalises the options every command shares, before any file or network I/O. The return's
 * identity (--gstin, --period) is checked here and nowhere else: one GSTIN, upper case, of a
 * registration that files GSTR-1, and one `Period`.
 */
import { OptionError } from '../model/errors.js';
import { gstinCheckChar, hasShape, hasValidCheckChar, nonFilerKind } from '../model/gstin.js';
import { STATES } from '../model/labels.js';
import { parsePeriod, parseQuarter, type Period } from '../model/period.js';
import { SHEET_IDS, sheetByName, type SheetId } from '../model/sheets.js';
import type { ReturnContext } from '../model/return.js';

const GSTIN_SHAPE = /^[0-9]{2}[A-Z0-9]{13}$/;
const STATE_CODES = new Set(STATES.map((s) => s.code));

export interface ReturnOptions {
  /** supplier GSTIN */
  gstin: string;
  /** return period, `MMYYYY` */
  period: string;
  /** the supplier is an SEZ unit or developer */
  sez?: boolean;
}

export function returnContext(opts: ReturnOptions): ReturnContext {
  const gstin = gstinOption(opts.gstin);
  const period = periodOption(opts.period, true)!;
  return { gstin, supplierState: gstin.slice(0, 2), period, sez: Boolean(opts.sez) };
}

/**
 * The filer's own GSTIN: 15 characters, a registration that files GSTR-1 (not a TDS, TCS, UIN,
 * non-resident or OIDAR id), a state code, and the check character of the first 14.
 */
export function gstinOption(value: unknown): string {
  // what was typed is quoted as typed (a lowercase one too): a refusal never quotes a value the user did not give
  const typed = String(value ?? '').trim();
  const gstin = typed.toUpperCase();
  if (!gstin) throw new OptionError('OPTION_REQUIRED', { option: '--gstin' });
  if (!GSTIN_SHAPE.test(gstin)) throw new OptionError('OPTION_GSTIN', { value: typed });
  const kind = nonFilerKind(gstin);
  if (kind) throw new OptionError('OPTION_GSTIN_KIND', { value: gstin, kind });
  if (!hasShape(gstin, 'normal', 'govt')) throw new OptionError('OPTION_GSTIN', { value: typed });
  if (!STATE_CODES.has(gstin.slice(0, 2))) throw new OptionError('OPTION_GSTIN_STATE', { value: gstin, state: gstin.slice(0, 2) });
  if (!hasValidCheckChar(gstin)) {
    const expected = gstinCheckChar(gstin)!;
    throw new OptionError('OPTION_GSTIN_CHECKSUM', { value: gstin, expected, corrected: gstin.slice(0, 14) + expected });
  }
  return gstin;
}

/** The return period from `MMYYYY` (or `YYYY-MM`); undefined when optional and not given. */
export function periodOption(value: unknown, required = false): Period | undefined {
  if (value === undefined || (required && value === '')) {
    if (required) throw new OptionError('OPTION_REQUIRED', { option: '--period' });
    return undefined;
  }
  // a quarter (Q2-2025-26) is its last month, the quarterly return's period
  const period = parsePeriod(String(value)) ?? parseQuarter(String(value));
  if (!period) throw new OptionError('OPTION_PERIOD', { value: String(value) });
  return period;
}

export function sectionOption(value: string | undefined): SheetId | undefined {
  if (value === undefined || value === '') return undefined;
  const spec = sheetByName(value);
  if (!spec) throw new OptionError('OPTION_SECTION', { value, allowed: SHEET_IDS.join(', ') });
  return spec.id;
}

export function positiveInt(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new OptionError('OPTION_NUMBER', { option: name, value: String(value) });
  return n;
}
