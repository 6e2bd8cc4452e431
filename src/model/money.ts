/**
 * Money is held as integer paise (exact, cheap to sum) and converted at the edges: decimal text
 * in, JSON numbers out. Tax is computed exactly in integers (paise × rate in hundredths × diff %,
 * in Number below 2^53 and BigInt above) and rounded half-up to the paisa; decimal.js stays as the
 * reference (`computeTaxDecimal`, `expectedTaxDecimal`) and for rates with more than 2 decimals.
 */
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface ParsedDecimal {
  /** value in hundredths (paise), rounded half-up when the text had more than 2 decimals */
  readonly hundredths: number;
  /** number of decimals the text carried */
  readonly decimals: number;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Parses plain decimal text (`-1234.5`, `1e3` is refused here; callers normalise grouping and
 * currency signs first). Returns undefined when the text is not a number.
 */
export function parseDecimalText(text: string): ParsedDecimal | undefined {
  const m = PLAIN.exec(text);
  if (!m) return undefined;
  const [, sign, int = '', frac = ''] = m;
  if (int === '' && frac === '') return undefined;
  const decimals = frac.length;
  let hundredths: number;
  if (decimals <= 2) {
    hundredths = Number(int || '0') * 100 + Number((frac + '00').slice(0, 2));
  } else {
    hundredths = new D(`${int || '0'}.${frac}`).times(100).toDecimalPlaces(0).toNumber();
  }
  if (!Number.isSafeInteger(hundredths)) return undefined;
  if (sign === '-' && hundredths !== 0) hundredths = -hundredths;
  return { hundredths, decimals };
}

/** Parses a JS number read from a cell exactly as its shortest decimal spelling. */
export function parseDecimalNumber(n: number): ParsedDecimal | undefined {
  if (!Number.isFinite(n)) return undefined;
  const s = String(n);
  if (/e/i.test(s)) {
    const d = new D(s);
    const frac = d.decimalPlaces();
    const h = d.times(100).toDecimalPlaces(0).toNumber();
    return Number.isSafeInteger(h) ? { hundredths: h, decimals: frac } : undefined;
  }
  return parseDecimalText(s);
}

/** Paise → the JSON number the portal expects (exact for ≤ 15 significant digits). */
export function paiseToNumber(paise: number): number {
  return paise / 100;
}

/** Number from JSON (rupees, ≤ 2 decimals) → paise. */
export function numberToPaise(n: number): number {
  const p = parseDecimalNumber(n);
  if (!p) throw new RangeError(`not an amount: ${n}`);
  return p.hundredths;
}

/** Paise as `1234.50` text, for messages and CSV. */
export function formatPaise(paise: number): string {
  const neg = paise < 0;
  const a = Math.abs(paise);
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

export interface TaxHeads {
  iamt?: number;
  camt?: number;
  samt?: number;
}

/**
 * `paise × rate × diff% / divisor` rounded half-up (away from zero) to an integer, exactly, or
 * undefined when an input is not a plain integer paise / 2-decimal rate / integer percent (the
 * decimal.js reference handles those). `divisor` is 10^6 (rate in hundredths × 100 % × 100 %)
 * times 1 (the full tax) or 2 (each half of CGST/SGST).
 */
function roundedTax(paise: number, rate: number, diffPercent: number, divisor: number): number | undefined {
  if (!Number.isSafeInteger(paise) || !Number.isSafeInteger(diffPercent)) return undefined;
  const r100 = Math.round(rate * 100);
  if (!Number.isSafeInteger(r100) || r100 / 100 !== rate) return undefined; // more than 2 decimals, or not finite
  // the sign as decimal.js gives it, signed zero included (-0 when a factor is negative)
  const sign = paise * rate * diffPercent;
  const neg = sign < 0 || Object.is(sign, -0);
  const a = Math.abs(paise) * Math.abs(r100);
  const n = a * Math.abs(diffPercent);
  let q: number;
  // rounding is monotone, so a float product below the bound means the exact one is too
  if (a <= Number.MAX_SAFE_INTEGER && n + divisor <= Number.MAX_SAFE_INTEGER) {
    const x = n + divisor / 2;
    q = (x - (x % divisor)) / divisor;
  } else {
    const d = BigInt(divisor);
    const x = BigInt(Math.abs(paise)) * BigInt(Math.abs(r100)) * BigInt(Math.abs(diffPercent)) + d / 2n;
    q = Number(x / d);
  }
  return neg ? -q : q;
}

/**
 * Tax on a taxable value (paise) at `rate` % (× 0.65 when `diffPercent` is 65), half-up to the
 * paisa. Inter-State gives IGST; intra-State gives CGST and SGST, each computed at half the rate.
 */
export function computeTax(txvalPaise: number, rate: number, interState: boolean, diffPercent = 100): TaxHeads {
  const t = taxHead(txvalPaise, rate, interState, diffPercent);
  return interState ? { iamt: t } : { camt: t, samt: t };
}

/** `computeTax` as one number: IGST when inter-State, else each of CGST and SGST (they are equal). */
export function taxHead(txvalPaise: number, rate: number, interState: boolean, diffPercent = 100): number {
  const t = roundedTax(txvalPaise, rate, diffPercent, interState ? 1_000_000 : 2_000_000);
  if (t !== undefined) return t;
  const d = computeTaxDecimal(txvalPaise, rate, interState, diffPercent);
  return (interState ? d.iamt : d.camt)!;
}

/** Expected tax (paise) at the full rate, for tolerance checks. */
export function expectedTax(txvalPaise: number, rate: number, diffPercent = 100): number {
  return roundedTax(txvalPaise, rate, diffPercent, 1_000_000) ?? expectedTaxDecimal(txvalPaise, rate, diffPercent);
}

/** `computeTax` in decimal.js: the reference the integer version is tested against. */
export function computeTaxDecimal(txvalPaise: number, rate: number, interState: boolean, diffPercent = 100): TaxHeads {
  let base = new D(txvalPaise).times(rate).div(100);
  if (diffPercent !== 100) base = base.times(diffPercent).div(100);
  if (interState) return { iamt: base.toDecimalPlaces(0).toNumber() };
  const half = base.div(2).toDecimalPlaces(0).toNumber();
  return { camt: half, samt: half };
}

/** `expectedTax` in decimal.js (the reference). */
export function expectedTaxDecimal(txvalPaise: number, rate: number, diffPercent = 100): number {
  return new D(txvalPaise).times(rate).times(diffPercent).div(10000).toDecimalPlaces(0).toNumber();
}
