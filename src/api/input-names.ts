/**
 * The names a set of chosen files is known by: two files of one name (b2b.csv from two folders)
 * are told apart as "b2b (2).csv", never one put in place of the other. The page's worker and
 * gstr1 serve name them alike, so what the page checked and what serve uploads can be compared.
 */

/** `name`, or "name (2).ext", "name (3).ext"... the first that `taken` does not hold. */
export function distinctName(name: string, taken: (n: string) => boolean): string {
  let out = name;
  for (let i = 2; taken(out); i++) out = name.replace(/(\.[^.]*)?$/, ` (${i})$1`);
  return out;
}

/** The names of `names` in order, each told apart from the ones before it. */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    const d = distinctName(n, (x) => seen.has(x));
    seen.add(d);
    return d;
  });
}
