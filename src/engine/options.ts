/** Normalises the options every command shares, before any file or network I/O. */
import { OptionError } from '../model/errors.js';
import { parsePeriod, type Period } from '../model/period.js';
import { SHEET_IDS, sheetByName, type SheetId } from '../model/sheets.js';
import type { ReturnContext } from '../model/return.js';

const GSTIN_SHAPE = /^[0-9]{2}[A-Z0-9]{13}$/;

export interface ReturnOptions {
  /** supplier GSTIN */
  gstin: string;
  /** return period, `MMYYYY` */
  period: string;
  /** the supplier is an SEZ unit or developer */
  sez?: boolean;
}

export function returnContext(opts: ReturnOptions): ReturnContext {
  const gstin = String(opts.gstin ?? '').trim().toUpperCase();
  if (!gstin) throw new OptionError('OPTION_REQUIRED', { option: '--gstin' });
  if (!GSTIN_SHAPE.test(gstin)) throw new OptionError('OPTION_GSTIN', { value: gstin });
  if (opts.period === undefined || opts.period === '') throw new OptionError('OPTION_REQUIRED', { option: '--period' });
  const period: Period | undefined = parsePeriod(String(opts.period));
  if (!period) throw new OptionError('OPTION_PERIOD', { value: String(opts.period) });
  return { gstin, supplierState: gstin.slice(0, 2), period, sez: Boolean(opts.sez) };
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
