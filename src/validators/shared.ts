/** Small helpers the rules share: sheet groups, date arithmetic on ISO dates, the services test. */
import type { Field } from '../model/fields.js';
import type { SheetId } from '../model/sheets.js';
import { detailsTimeLimit } from '../model/dated-rules.js';
import type { Params } from '../model/finding.js';
import { formatPeriod, fyStartYear, isIffMonth, periodKey, periodLastDay, type Period } from '../model/period.js';
import type { ParsedRow } from '../parsers/rows.js';
import type { Report, RuleContext } from './types.js';

/** Table 15 / 15A sheets: supplies on which the e-commerce operator pays tax u/s 9(5). */
export const TABLE15_DOCUMENT_SHEETS = ['ecob2b', 'ecourp2b', 'ecoab2b', 'ecoaurp2b'] as const satisfies readonly SheetId[];
export const TABLE15_SHEETS = ['ecob2b', 'ecourp2b', 'ecob2c', 'ecourp2c', 'ecoab2b', 'ecoab2c', 'ecoaurp2b', 'ecoaurp2c'] as const satisfies readonly SheetId[];
/** Invoice- and note-shaped sheets and their amendments. */
export const INVOICE_SHEETS = ['b2b', 'b2ba', 'b2cl', 'b2cla', 'exp', 'expa'] as const satisfies readonly SheetId[];
export const NOTE_SHEETS = ['cdnr', 'cdnra', 'cdnur', 'cdnura'] as const satisfies readonly SheetId[];
export const DOCUMENT_SHEETS = [...INVOICE_SHEETS, ...NOTE_SHEETS] as const;
export const HSN_SHEETS = ['hsn', 'hsnb2b', 'hsnb2c'] as const satisfies readonly SheetId[];
/** The documents Table 12 summarises in its B2B tab (registered recipients; Table 15 b2b and urp2b too, per the Phase-III advisory) and in its B2C tab. */
export const HSN_B2B_TAB_SHEETS = ['b2b', 'cdnr', 'ecob2b', 'ecourp2b'] as const satisfies readonly SheetId[];
export const HSN_B2C_TAB_SHEETS = ['b2cl', 'b2cs', 'exp', 'cdnur', 'ecob2c', 'ecourp2c'] as const satisfies readonly SheetId[];
export const ADVANCE_SHEETS = ['at', 'ata', 'atadj', 'atadja'] as const satisfies readonly SheetId[];
/**
 * Sheets whose rows carry tax amounts only when they were given (a JSON's, through to-excel's
 * tax columns): the rows are then judged like an HSN row's.
 */
export const GIVEN_TAX_SHEETS: readonly SheetId[] = [...DOCUMENT_SHEETS, 'b2cs', 'b2csa', ...ADVANCE_SHEETS, ...TABLE15_SHEETS];
/** Sheets with a "Applicable % of Tax Rate" column. */
export const DIFF_PERCENT_SHEETS = [
  'b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'cdnr', 'cdnra', 'cdnur', 'cdnura', ...ADVANCE_SHEETS,
] as const satisfies readonly SheetId[];
/** Sheets with a place-of-supply column (b2cla's is the original POS, `opos`). */
export const POS_SHEETS = [...DIFF_PERCENT_SHEETS, ...TABLE15_SHEETS] as const satisfies readonly SheetId[];
/** Sheets with a Rate column. */
export const RATE_SHEETS = [
  'b2b', 'b2ba', 'b2cl', 'b2cla', 'b2cs', 'b2csa', 'cdnr', 'cdnra', 'cdnur', 'cdnura', 'exp', 'expa',
  ...ADVANCE_SHEETS, ...HSN_SHEETS, ...TABLE15_SHEETS,
] as const satisfies readonly SheetId[];
/** Amendment sheets that name an original month by financial year + month. */
export const ORIGINAL_MONTH_SHEETS = ['b2csa', 'ata', 'atadja', 'ecoa', 'ecoab2c', 'ecoaurp2c'] as const satisfies readonly SheetId[];

/** ISO date `months` months before/after (day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** ISO `yyyy-mm-dd` → `dd-mm-yyyy`, as the portal and the template show dates. */
export function showDate(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/**
 * Whether this return comes too late for credit notes or amendments of FY `fyStart` (s.34(2),
 * s.37(3) proviso: `detailsTimeLimit`), and the finding's parameters when it does. The return's
 * period decides, not the day it is checked: validate runs days or weeks before filing, and a
 * fixed return (a sample, a test) would turn wrong with the calendar; the hint says a return must
 * be filed by 30 November. The annual return's filing date (`--annual-return-filed`, for the year
 * before the return period's) ends the time too: a return whose period ends on or after it, or
 * filed after it, is late.
 */
export function detailsTooLate(fyStart: number, ctx: RuleContext): Params | undefined {
  const limit = detailsTimeLimit(fyStart);
  const last: Period = { month: limit.lastMonth, year: fyStart + 1 };
  if (periodKey(ctx.period) > periodKey(last)) {
    const deadline = limit.furnishBy ? `${fyStart + 1}-${limit.furnishBy}` : periodLastDay(last);
    return { reason: limit.furnishBy ? 'november' : 'september', deadline: showDate(deadline), lastReturn: formatPeriod(last) };
  }
  const annual = ctx.annualReturnFiled;
  if (annual && fyStart === fyStartYear(ctx.period) - 1 && (ctx.lastDay >= annual || ctx.today > annual)) {
    return { reason: 'annual-return', deadline: showDate(annual) };
  }
  return undefined;
}

/**
 * The return period as a finding's parameters: `MMYYYY`, and `quarterly` when the return is a
 * quarterly filer's quarter (named by its last month) rather than a month; the catalogue words it.
 */
export function periodParams(ctx: RuleContext): Params {
  return { period: formatPeriod(ctx.period), ...(ctx.quarterly && !isIffMonth(ctx.period) ? { quarterly: true } : {}) };
}

/** The first GST date. */
export const GST_START = '2017-07-01';

/** SAC (services) codes start with 99. */
export function isService(hsn: string): boolean {
  return hsn.startsWith('99');
}

/** Period `YYYYMM` key of an original month given as financial year + month. */
export function originalPeriodKey(fyStart: number, month: number): string {
  const p: Period = { month, year: month >= 4 ? fyStart : fyStart + 1 };
  return periodKey(p);
}

/** Note type of a coerced row: C/D. */
export function isCredit(ntty: string | undefined): boolean {
  return ntty === 'C';
}

/**
 * The date checks invoices and notes share: not after the period's last day (a revised date; an
 * original date is RET191198's business), not before 01-07-2017, not before registration.
 */
export function checkDocumentDate(
  row: ParsedRow, field: Field, ctx: RuleContext, report: Report, original: boolean,
): void {
  const d = row.values[field] as string | undefined;
  if (!d) return;
  if (!original && d > ctx.lastDay) report(row, field, { reason: 'after-period', limit: showDate(ctx.lastDay) });
  else if (d < GST_START) report(row, field, { reason: 'before-gst', limit: showDate(GST_START) });
  else if (ctx.registrationDate && d < ctx.registrationDate) {
    report(row, field, { reason: 'before-registration', limit: showDate(ctx.registrationDate) });
  }
}

/** Amendment sheets, and where each keeps the original document's date (month sheets use FY + month). */
export const AMENDMENT_SHEETS: SheetId[] = [
  'b2ba', 'b2cla', 'expa', 'cdnra', 'cdnura', 'b2csa', 'ata', 'atadja', 'ecoa', 'ecoab2b', 'ecoaurp2b', 'ecoab2c', 'ecoaurp2c',
];
export const ORIGINAL_DATE: Partial<Record<SheetId, Field>> = {
  b2ba: 'oidt', b2cla: 'oidt', expa: 'oidt', cdnra: 'ontDt', cdnura: 'ontDt', ecoab2b: 'oidt', ecoaurp2b: 'oidt',
};
