/**
 * GSTIN and its relatives (UIN, TDS and TCS registrations, non-resident and OIDAR ids): their
 * shapes and the mod-36 check character, restated from GSTN's offline tool (spec §3.1).
 *   isRecipientId('27AAACR5055K1Z7') → true; isRecipientId('27AAACR5055K1Z8') → false (check character)
 */

/** The check-character alphabet: digits then letters, values 0..35. */
export const GSTIN_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type GstinKind = 'normal' | 'uin' | 'tds' | 'tcs' | 'nr' | 'oidar' | 'govt';

/** 15-character shapes, upper case (spec §3.1; the offline tool's `validations.formats`). */
export const GSTIN_PATTERNS: Readonly<Record<GstinKind, RegExp>> = {
  normal: /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][Z1-9A-J][0-9A-Z]$/,
  uin: /^[0-9]{4}[A-Z]{3}[0-9]{5}[UO]N[A-Z0-9]$/,
  tds: /^[0-9]{2}[A-Z]{4}[A-Z0-9][0-9]{4}[A-Z][1-9A-Z][DK][0-9A-Z]$/,
  tcs: /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]C[0-9A-Z]$/,
  nr: /^[0-9]{4}[A-Z]{3}[0-9]{5}NR[0-9A-Z]$/,
  oidar: /^99[0-9]{2}[A-Z]{3}[0-9]{5}OS[0-9A-Z]$/,
  govt: /^[0-9]{2}[A-Z]{4}[0-9]{5}[A-Z][0-9]Z[0-9]$/,
};

/**
 * The check character for the first 14 characters: walking right to left with weights 2,1,2,1…
 * (the 14th character weighs 2), each product p adds floor(p/36) + p mod 36; the check value is
 * (36 − sum mod 36) mod 36. Undefined when a character is outside 0-9A-Z.
 */
export function gstinCheckChar(id: string): string | undefined {
  const v = checkValue(id);
  return v < 0 ? undefined : GSTIN_ALPHABET[v];
}

/** The check value (0..35) of the first 14 characters, -1 when one is outside 0-9A-Z (any case). */
function checkValue(id: string): number {
  if (id.length < 14) return -1;
  let sum = 0;
  let weight = 2;
  for (let i = 13; i >= 0; i--) {
    const v = alphabetValue(id.charCodeAt(i));
    if (v < 0) return -1;
    const p = v * weight;
    sum += Math.floor(p / 36) + (p % 36);
    weight = weight === 2 ? 1 : 2;
  }
  return (36 - (sum % 36)) % 36;
}

/** A character's value in GSTIN_ALPHABET, either case; -1 outside it. */
function alphabetValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/** The 15th character is the check character of the first 14 (compared upper case). */
export function hasValidCheckChar(id: string): boolean {
  if (id.length !== 15) return false;
  const v = checkValue(id);
  return v >= 0 && v === alphabetValue(id.charCodeAt(14));
}

/** Every kind whose shape the id has (a TCS GSTIN is also a normal one). */
export function gstinKinds(id: string): GstinKind[] {
  const s = id.toUpperCase();
  return (Object.keys(GSTIN_PATTERNS) as GstinKind[]).filter((k) => GSTIN_PATTERNS[k].test(s));
}

export function hasShape(id: string, ...kinds: GstinKind[]): boolean {
  const s = id.toUpperCase();
  for (const k of kinds) if (GSTIN_PATTERNS[k].test(s)) return true;
  return false;
}

/** Kinds the offline tool accepts as a GSTR-1 recipient (b2b, cdnr and amendments). */
export const RECIPIENT_KINDS: readonly GstinKind[] = ['normal', 'uin', 'tds', 'nr'];

/** A recipient id: normal GSTIN, UIN, TDS or NR id, with a valid check character. */
export function isRecipientId(id: string): boolean {
  return hasShape(id, ...RECIPIENT_KINDS) && hasValidCheckChar(id);
}

/** A normal (or TCS) GSTIN with a valid check character. */
export function isGstin(id: string): boolean {
  return hasShape(id, 'normal') && hasValidCheckChar(id);
}

/** An e-commerce operator's TCS registration (14th character `C`) with a valid check character. */
export function isTcsGstin(id: string): boolean {
  return hasShape(id, 'tcs') && hasValidCheckChar(id);
}

/** UIN of a UN body, embassy or other notified person. */
export function isUin(id: string): boolean {
  return GSTIN_PATTERNS.uin.test(id.toUpperCase());
}

/** State code: the first two digits. */
export function gstinState(id: string): string {
  return id.slice(0, 2);
}

/**
 * Registrations that cannot file GSTR-1, told apart by their shape: TDS deductors (14th character
 * D or K) file GSTR-7, TCS collectors (C) GSTR-8, UIN holders GSTR-11, non-resident taxable persons
 * GSTR-5 and OIDAR suppliers GSTR-5A. Checked in this order: a TCS id has a normal one's shape too.
 */
const NON_FILER_KINDS: readonly GstinKind[] = ['uin', 'nr', 'oidar', 'tds', 'tcs'];

/** The kind of a registration that cannot file GSTR-1, or undefined for any other id. */
export function nonFilerKind(id: string): GstinKind | undefined {
  const s = id.toUpperCase();
  return NON_FILER_KINDS.find((k) => GSTIN_PATTERNS[k].test(s));
}
