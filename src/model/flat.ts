/**
 * A copy of `s` that holds no reference to the text it was cut from. Parsers hand out substrings
 * (V8 keeps a sliced substring of 13 or more characters pointing into its parent, and a
 * concatenation into its parts), so a string kept for a whole run must be copied, or it pins a
 * whole input chunk. Shorter strings are always copied by V8 and are returned as they are.
 */
export function flatCopy(s: string): string {
  const n = s.length;
  if (n < 13) return s;
  if (n <= 64) {
    // a fresh sequential string, built from the character codes (exact, lone surrogates included)
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(i);
    return String.fromCharCode.apply(null, codes);
  }
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
