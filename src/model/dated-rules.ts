/**
 * Rules that change with the return period, kept as data with effective periods so a new
 * notification is a new row here, never a new branch in code. Periods are compared as `YYYYMM`.
 */
import { periodInFy, periodKey, periodLastDay, type Period } from './period.js';

export interface Dated<T> {
  /** first return period (inclusive) the value applies to, `YYYYMM` */
  readonly from: string;
  /** last return period (inclusive), `YYYYMM`; open-ended when absent */
  readonly to?: string;
  readonly value: T;
  /** where the rule comes from */
  readonly basis: string;
}

function pick<T>(table: readonly Dated<T>[], period: Period): T | undefined {
  const k = periodKey(period);
  let found: T | undefined;
  for (const row of table) if (row.from <= k && (row.to === undefined || k <= row.to)) found = row.value;
  return found;
}

/** B2CL: invoice value must be strictly greater than this many paise. */
export const B2CL_LIMIT: readonly Dated<number>[] = [
  { from: '201707', to: '202407', value: 2_50_000_00, basis: 'Rule 59(4), Rs 2.5 lakh' },
  { from: '202408', value: 1_00_000_00, basis: 'Notification 12/2024-CT, Rs 1 lakh from the August 2024 period' },
];
export function b2clLimitPaise(period: Period): number {
  return pick(B2CL_LIMIT, period) ?? 1_00_000_00;
}

/** Table 12 split into hsn_b2b / hsn_b2c (and the hsn(b2b), hsn(b2c) sheets). */
export const HSN_SPLIT: readonly Dated<boolean>[] = [
  { from: '201707', to: '202504', value: false, basis: 'single Table 12 list (`hsn.data`)' },
  { from: '202505', value: true, basis: 'GSTN Phase III: B2B and B2C tabs from the May 2025 period' },
];
export function hsnSplit(period: Period): boolean {
  return pick(HSN_SPLIT, period) ?? true;
}

/**
 * Table 13 (documents issued) must be furnished from the May 2025 period (GSTN's advisory on
 * Tables 12 and 13, Phase III); before it the portal took a return without it.
 */
export const TABLE13_MANDATORY: readonly Dated<boolean>[] = [
  { from: '201707', to: '202504', value: false, basis: 'Table 13 optional on the portal' },
  { from: '202505', value: true, basis: 'GSTN advisory on Tables 12 and 13 (Phase III), from the May 2025 period' },
];
export function table13Mandatory(period: Period): boolean {
  return pick(TABLE13_MANDATORY, period) ?? true;
}

/**
 * From the May 2025 period the B2B tab of Table 12 may not be left empty when B2B supplies are
 * reported (GSTN's Phase III advisory as tax sites report it; the value cross-checks themselves
 * stay in warning mode).
 */
export const HSN_B2B_REQUIRED: readonly Dated<boolean>[] = [
  { from: '201707', to: '202504', value: false, basis: 'single Table 12 list, cross-checks absent' },
  { from: '202505', value: true, basis: 'GSTN advisory on Tables 12 and 13 (Phase III), from the May 2025 period' },
];
export function hsnB2bRequired(period: Period): boolean {
  return pick(HSN_B2B_REQUIRED, period) ?? true;
}

/** From this period an HSN code must exist in the GSTN HSN master. */
export const HSN_MASTER_REQUIRED: readonly Dated<boolean>[] = [
  { from: '201707', to: '202504', value: false, basis: 'free HSN entry' },
  { from: '202505', value: true, basis: 'GSTN Phase III: HSN from the master drop-down' },
];
export function hsnMasterRequired(period: Period): boolean {
  return pick(HSN_MASTER_REQUIRED, period) ?? true;
}

/**
 * GST rates (`rt`) a line may carry, each with the first period it is valid for. 12 and 28 stay
 * valid after the 56th Council rationalisation: past-period amendments and some goods still use them.
 */
export const RATE_LIST: readonly Dated<number>[] = [
  { from: '201707', value: 0, basis: 'rate schedule' },
  { from: '201707', value: 0.1, basis: 'merchant exporters (Notif. 41/2017-IT)' },
  { from: '201707', value: 0.25, basis: 'rough diamonds' },
  { from: '201707', value: 1, basis: 'rate schedule' },
  { from: '201707', value: 1.5, basis: 'rate schedule' },
  { from: '201707', value: 3, basis: 'gold and jewellery' },
  { from: '201707', value: 5, basis: 'rate schedule' },
  { from: '202204', value: 6, basis: 'bricks (Notif. 1/2022-CTR), offline tool 3.2.x' },
  { from: '201707', value: 7.5, basis: 'hotel/construction services' },
  { from: '201707', value: 12, basis: 'rate schedule' },
  { from: '201707', value: 18, basis: 'rate schedule' },
  { from: '201707', value: 28, basis: 'rate schedule' },
  { from: '202509', value: 40, basis: '56th GST Council, effective 22-09-2025' },
];
export function ratesFor(period: Period): number[] {
  const k = periodKey(period);
  return RATE_LIST.filter((r) => r.from <= k && (r.to === undefined || k <= r.to)).map((r) => r.value);
}

/** Table 14 (eco) and 14A (ecoa) start periods. */
export const ECO_FROM = '202401';
export const ECOA_FROM = '202402';

/**
 * Table 15 (ecom: supplies on which the e-commerce operator pays tax u/s 9(5)) and its
 * amendments, Table 15A (ecoma), exist from these periods; the portal has no place for them before.
 */
export const TABLE15: readonly Dated<boolean>[] = [
  { from: '201707', to: '202312', value: false, basis: 'GSTR-1 without Table 15' },
  { from: ECO_FROM, value: true, basis: 'GSTN: Tables 14 and 15 from the January 2024 period; Offline Tool `R1_NEW_ECO_STRT_PRD = "012024"`' },
];
export const TABLE15A: readonly Dated<boolean>[] = [
  { from: '201707', to: '202401', value: false, basis: 'nothing of Table 15 to amend before February 2024' },
  { from: ECOA_FROM, value: true, basis: 'Offline Tool `R1_NEW_ECOA_STRT_PRD = "022024"`' },
];
/** Does the return for `period` have Table 15 (or, `amended`, Table 15A)? */
export function table15(period: Period, amended: boolean): boolean {
  return pick(amended ? TABLE15A : TABLE15, period) ?? true;
}

/**
 * GSTR-1A: the optional form that amends the filed GSTR-1 of a period (or adds documents it
 * missed) before that period's GSTR-3B, once per period. It exists from the July 2024 period;
 * before it a filed GSTR-1 could only be corrected in a later GSTR-1's amendment tables.
 */
export const GSTR1A_FROM = '202407';
export const GSTR1A: readonly Dated<boolean>[] = [
  { from: '201707', to: '202406', value: false, basis: 'no GSTR-1A: corrections in a later GSTR-1 (s.37(3))' },
  {
    from: GSTR1A_FROM, value: true,
    basis: 'CGST Rule 59(1) proviso and 59(4A), Notification 12/2024-CT of 10-07-2024; GSTN advisory: from the July 2024 tax period',
  },
];
/** Can a GSTR-1A be filed for `period`? */
export function gstr1aExists(period: Period): boolean {
  return pick(GSTR1A, period) ?? true;
}

/**
 * HSN rows: which of Rate and Total Value the return needs. Before May 2021 the row carried its
 * Total Value (`val`) and the rate was optional; from May 2021 the Rate is mandatory and the Total
 * Value gone (Offline Tool 3.2.4: the "old" and "new" HSN layouts switch at the May 2021 period).
 */
export const HSN_RATE_FROM = '202105';
export const HSN_MANDATORY: readonly Dated<'val' | 'rt'>[] = [
  { from: '201707', to: '202104', value: 'val', basis: 'HSN summary before May 2021: Total Value mandatory, Rate optional' },
  { from: HSN_RATE_FROM, value: 'rt', basis: 'Offline Tool 3.2.4 HSN layout from the May 2021 period: Rate mandatory' },
];
export function hsnMandatory(period: Period): 'val' | 'rt' {
  return pick(HSN_MANDATORY, period) ?? 'rt';
}

/**
 * Minimum HSN digits for aggregate turnover up to / above Rs 5 crore (always at most 8).
 * Notification 78/2020-CT took effect on 01-04-2021, but the Offline Tool (and the portal with it)
 * applies the 4/6-digit rule from the May 2021 return period; before it, 2 digits were enough.
 */
export const HSN_MIN_DIGITS: readonly Dated<{ readonly small: number; readonly large: number }>[] = [
  { from: '201707', to: '202104', value: { small: 2, large: 2 }, basis: 'HSN of 2 to 8 digits before the May 2021 period' },
  { from: '202105', value: { small: 4, large: 6 }, basis: 'Notification 78/2020-CT; Offline Tool 3.2.4 from the May 2021 period' },
];
export function hsnMinDigits(period: Period, aboveFiveCrore: boolean): number {
  const d = pick(HSN_MIN_DIGITS, period) ?? { small: 4, large: 6 };
  return aboveFiveCrore ? d.large : d.small;
}

/**
 * The last return that may carry credit notes (s.34(2)) and amendments (s.37(3) proviso) of a
 * financial year, keyed by the year's last period (March). Before the Finance Act 2022 it was the
 * return for September after the year. From 01-10-2022 (FY 2021-22 onwards) the details must be
 * furnished by 30 November after the year: a return is filed after its period ends, so the
 * October return (due 11 November) is the last; the November return, filed in December, is late.
 * Either way the annual return's filing date, when earlier, ends it too (`--annual-return-filed`).
 */
export interface DetailsTimeLimit {
  /** month (of the year after the FY) of the last return that may carry the details */
  readonly lastMonth: number;
  /** `MM-DD` in the year after the FY by which the return must be furnished, when the law names a day */
  readonly furnishBy?: string;
}
export const DETAILS_TIME_LIMIT: readonly Dated<DetailsTimeLimit>[] = [
  { from: '201707', to: '202103', value: { lastMonth: 9 }, basis: 'CGST Act s.34(2), s.37(3) proviso as enacted: the September return after the year' },
  {
    from: '202203', value: { lastMonth: 10, furnishBy: '11-30' },
    basis: 'Finance Act 2022 (from 01-10-2022, FY 2021-22 onwards): furnished by 30 November after the year',
  },
];
export function detailsTimeLimit(fyStart: number): DetailsTimeLimit {
  return pick(DETAILS_TIME_LIMIT, periodInFy(fyStart, 3)) ?? { lastMonth: 10, furnishBy: '11-30' };
}

/**
 * IFF (months 1-2 of a quarterly filer's quarter): the value of the invoices it furnishes is
 * limited per month. QRMP, and the IFF with it, began with the January 2021 period.
 */
export const IFF_VALUE_LIMIT: readonly Dated<number>[] = [
  { from: '202101', value: 50_00_000_00, basis: 'CGST Rule 59(2) proviso (Notification 82/2020-CT): Rs 50 lakh in each month' },
];
/** The IFF's value limit in paise for `period`, or undefined before the IFF existed. */
export function iffValueLimit(period: Period): number | undefined {
  return pick(IFF_VALUE_LIMIT, period);
}

/**
 * GSTR-1 due dates by return period (CGST Rule 59): monthly, a day of the next month; quarterly
 * (and IFF), a day of the month after the period, or its last day. Notified extensions are not
 * kept: they only ever made a due date later.
 */
export interface DueDay {
  /** day of the next month a monthly filer's return is due */
  readonly monthly: number;
  /** day of the next month a quarterly filer's return (or IFF) is due; 31 = the month's last day */
  readonly quarterly: number;
}
export const GSTR1_DUE_DAY: readonly Dated<DueDay>[] = [
  { from: '201707', to: '202012', value: { monthly: 10, quarterly: 31 }, basis: 'Rule 59(1) as enacted (10th); quarterly returns by the end of the month after the quarter' },
  { from: '202101', value: { monthly: 11, quarterly: 13 }, basis: 'Rule 59 as substituted by Notification 82/2020-CT (QRMP): 11th; quarterly return and IFF 13th' },
];
/** The due date (ISO) of the GSTR-1 (or IFF) for `period`. */
export function gstr1DueDate(period: Period, quarterly: boolean): string {
  const due = pick(GSTR1_DUE_DAY, period) ?? { monthly: 11, quarterly: 13 };
  const next: Period = period.month === 12 ? { month: 1, year: period.year + 1 } : { month: period.month + 1, year: period.year };
  const last = periodLastDay(next);
  const day = Math.min(quarterly ? due.quarterly : due.monthly, Number(last.slice(8, 10)));
  return `${last.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

/**
 * The time bar on filing (CGST Act s.37(5), inserted by the Finance Act 2023, in force from
 * 01-10-2023 by Notification 28/2023-CT): no GSTR-1 after three years from its due date. Keyed
 * by the month of filing: the portal enforces it from the October 2025 tax period (returns filed
 * from November 2025), as GSTN's advisories of 29-10-2024, 07-06-2025 and 09-09-2025 are reported
 * by tax sites (the reported start moved from July to October 2025).
 */
export const TIME_BAR_YEARS: readonly Dated<number>[] = [
  { from: '202511', value: 3, basis: 'CGST Act s.37(5); portal enforcement from November 2025 (GSTN advisories, as reported)' },
];
export interface TimeBar {
  /** the return's due date, ISO */
  readonly due: string;
  /** the last day it may be filed, ISO */
  readonly bar: string;
}
/** When filing on `today` (ISO) is barred for `period`: its due date and last filing day. */
export function timeBarred(period: Period, quarterly: boolean, today: string): TimeBar | undefined {
  const filing: Period = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const years = pick(TIME_BAR_YEARS, filing);
  if (years === undefined) return undefined;
  const due = gstr1DueDate(period, quarterly);
  const year = Number(due.slice(0, 4)) + years;
  // a 29 February due date ends on 28 February in a common year
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const bar = `${year}${due.slice(4) === '-02-29' && !leap ? '-02-28' : due.slice(4)}`;
  return today > bar ? { due, bar } : undefined;
}
