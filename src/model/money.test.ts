import { describe, expect, it } from 'vitest';
import { computeTax, computeTaxDecimal, expectedTax, expectedTaxDecimal } from './money.js';

/** Small seeded PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATES = [0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40, -18, 0.05, 14.33, 18.333, 0.125];
const DIFFS = [100, 65];

describe('integer tax against decimal.js', () => {
  const rand = rng(20251001);
  const amounts: number[] = [0, -0, 1, -1, 2, -2, 50, -50, 99, 100, 101, 12345, -12345, 2 ** 53 - 1, -(2 ** 53 - 1)];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  for (let i = 0; i < 20000; i++) {
    const mag = 10 ** Math.floor(rand() * 16); // from paise to ~₹10^13
    let p = Math.floor(rand() * mag);
    if (rand() < 0.3) p = -p;
    amounts.push(p);
  }
  // values that land exactly on .5 of a paisa at common rates: txval × rate ends in 50 (× 10^k)
  for (const r of [1, 3, 5, 18, 28, 0.1, 0.25, 1.5, 7.5, 40]) {
    const r100 = Math.round(r * 100);
    for (let k = 1; k < 200; k++) {
      // paise × r100 ≡ 5000 (mod 10000) ⇒ half a paisa on the full tax
      for (let p = k; p < k + 10000 * 3; p += 997) {
        if ((p * r100) % 10000 === 5000 || (p * r100 * 65) % 1000000 === 500000 || (p * r100) % 20000 === 10000) {
          amounts.push(p, -p);
          break;
        }
      }
    }
  }
  // huge amounts: the Number product would pass 2^53, so the BigInt path runs
  for (let i = 0; i < 2000; i++) {
    const p = Math.floor(rand() * 2 ** 53);
    amounts.push(rand() < 0.5 ? p : -p);
  }

  it('computeTax gives the same heads (signed zero included), inter- and intra-State, 100 % and 65 %', () => {
    let checked = 0;
    for (const p of amounts) {
      for (const inter of [true, false]) {
        const r = pick(RATES);
        const d = pick(DIFFS);
        const got = computeTax(p, r, inter, d);
        const want = computeTaxDecimal(p, r, inter, d);
        if (inter) expect(Object.is(got.iamt, want.iamt), `iamt ${p} @ ${r} × ${d}%: ${got.iamt} vs ${want.iamt}`).toBe(true);
        else {
          expect(Object.is(got.camt, want.camt), `camt ${p} @ ${r} × ${d}%: ${got.camt} vs ${want.camt}`).toBe(true);
          expect(Object.is(got.samt, want.samt)).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40000);
  });

  it('computeTax matches at every listed rate and both diff percentages', () => {
    for (const p of amounts.slice(0, 1200)) {
      for (const r of RATES) {
        for (const d of DIFFS) {
          for (const inter of [true, false]) {
            const got = computeTax(p, r, inter, d);
            const want = computeTaxDecimal(p, r, inter, d);
            expect(got).toStrictEqual(want);
            expect(Object.is(got.iamt ?? got.camt, want.iamt ?? want.camt)).toBe(true);
          }
        }
      }
    }
  });

  it('expectedTax gives the same paise', () => {
    for (const p of amounts) {
      const r = pick(RATES);
      const d = pick(DIFFS);
      const got = expectedTax(p, r, d);
      const want = expectedTaxDecimal(p, r, d);
      expect(Object.is(got, want), `${p} @ ${r} × ${d}%: ${got} vs ${want}`).toBe(true);
    }
  });

  it('rounds half a paisa away from zero', () => {
    expect(computeTax(250, 1, true)).toEqual({ iamt: 3 }); // 2.5 paise
    expect(computeTax(-250, 1, true)).toEqual({ iamt: -3 });
    expect(computeTax(250, 2, false)).toEqual({ camt: 3, samt: 3 }); // 2.5 each
    expect(computeTax(1, 50, true, 100)).toEqual({ iamt: 1 }); // 0.5 paisa
    expect(expectedTax(100, 0.5, 100)).toBe(1); // 0.5 paisa
    expect(expectedTax(1000, 7.5, 65)).toBe(49); // 48.75
  });

  it('falls back to decimal.js for odd rates and percentages and stays exact', () => {
    expect(computeTax(1000, 18.333, true)).toEqual(computeTaxDecimal(1000, 18.333, true));
    expect(expectedTax(12345, 18, 62.5)).toBe(expectedTaxDecimal(12345, 18, 62.5));
    expect(computeTax(2 ** 53 - 1, 40, true, 65)).toEqual(computeTaxDecimal(2 ** 53 - 1, 40, true, 65));
  });
});
