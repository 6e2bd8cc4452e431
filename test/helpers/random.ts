/** Test helpers for randomised comparisons: a seeded PRNG, so a failure can be replayed, and text cut at random. */

/** mulberry32: numbers in [0, 1) from a seed. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text cut into pieces, most of 1 to `short` characters, the others up to `long`: every boundary a stream may put between two chunks. */
export function cutAtRandom(text: string, rnd: () => number, short = 40, long = 400): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(rnd() * (rnd() < 0.7 ? short : long));
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}
