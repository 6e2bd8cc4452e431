import { describe, expect, it } from 'vitest';
import { prng } from '../../test/helpers/random.js';
import { coerceCell, coerceDate, coerceHundredths, idText, normaliseNumberText, parseDateText, plainHundredthsIn, plainRateIn } from './coerce.js';

const value = (r: ReturnType<typeof coerceCell>) => (r.ok ? r.value : `!${r.code}`);

describe('coerce: dates', () => {
  it.each([
    ['05-Mar-2025', '2025-03-05'],
    ['5-mar-25', '2025-03-05'],
    ['05-MAR-2025', '2025-03-05'],
    ['05-March-2025', '2025-03-05'],
    ['05-03-2025', '2025-03-05'],
    ['05/03/2025', '2025-03-05'],
    ['5/3/25', '2025-03-05'],
    ['2025-03-05', '2025-03-05'],
  ])('reads %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(['31-Feb-2025', '29-02-2025', '05-Foo-2025', '2025/13/01', 'tomorrow', '32/01/2025'])('refuses %s', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  it('reads Excel date cells at UTC midnight and serial numbers', () => {
    expect(coerceDate(new Date(Date.UTC(2025, 2, 5)))).toEqual({ ok: true, value: '2025-03-05' });
    // 45721 is 05-Mar-2025 in the 1900 date system
    expect(coerceDate(45721)).toEqual({ ok: true, value: '2025-03-05' });
    expect(coerceDate('45721')).toEqual({ ok: true, value: '2025-03-05' });
  });

  it('accepts a leap day only in a leap year', () => {
    expect(parseDateText('29-Feb-2024')).toBe('2024-02-29');
    expect(parseDateText('29-Feb-2023')).toBeUndefined();
  });
});

describe('coerce: amounts in paise', () => {
  it.each<[unknown, number | string]>([
    [100000.5, 10000050],
    ['1,00,000.50', 10000050],
    ['100,000.50', 10000050],
    ['₹ 1,500', 150000],
    ['Rs. 200', 20000],
    ['  2 500.25 ', 250025],
    ['(150.00)', -15000],
    ['-10.10', -1010],
    [0.1 + 0.2, 30], // float noise from a formula is not 17 decimals
    ['1,5', '!CELL_INVALID_NUMBER'],
    ['12abc', '!CELL_INVALID_NUMBER'],
    ['1,00,00', '!CELL_INVALID_NUMBER'],
  ])('%s', (input, expected) => {
    expect(value(coerceCell('txval', input as never))).toBe(expected);
  });

  it('keeps a third decimal visible: rounded half-up but flagged', () => {
    const r = coerceCell('txval', '10.125');
    expect(r).toEqual({ ok: true, value: 1013, flag: 'AMOUNT_DECIMALS' });
  });

  it('plain amount and rate text read in place: what coerceCell gives, on random texts', () => {
    const r = prng(5);
    const chars = '0123456789..-% ,+e';
    let plain = 0;
    for (let k = 0; k < 20_000; k++) {
      const t = Array.from({ length: Math.floor(r() * 9) }, () => chars[Math.floor(r() * chars.length)]).join('');
      const line = `x,${t},y`;
      const h = plainHundredthsIn(line, 2, 2 + t.length);
      if (h !== undefined) expect(coerceCell('txval', t), t).toEqual({ ok: true, value: h });
      const rate = plainRateIn(line, 2, 2 + t.length);
      if (rate === undefined) continue;
      plain++;
      const general = coerceCell('rt', t);
      expect(general.ok && Object.is(general.value, rate), t).toBe(true);
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it('normalises Indian grouping without losing digits (the official importer keeps only "1")', () => {
    expect(normaliseNumberText('1,00,000')).toBe('100000');
  });
});

describe('coerce: place of supply', () => {
  it.each<[unknown, string]>([
    ['27-Maharashtra', '27'],
    ['27', '27'],
    [27, '27'],
    ['7', '07'],
    ['Maharashtra', '27'],
    ['maharashtra', '27'],
    ['Jammu and Kashmir', '01'],
    ['Jammu & Kashmir', '01'],
    ['31-Lakshdweep', '31'],
    ['Lakshadweep', '31'],
    ['96-Foreign Country', '96'],
  ])('%s → %s', (input, code) => {
    expect(value(coerceCell('pos', input as never))).toBe(code);
  });

  it('refuses a name that is no state', () => {
    expect(value(coerceCell('pos', 'Atlantis'))).toBe('!CELL_INVALID_POS');
    expect(coerceCell('pos', 'Atlantis')).toEqual({ ok: false, code: 'CELL_INVALID_POS' });
  });

  it('offers the closest state for a misspelt name', () => {
    expect(coerceCell('pos', 'Karnatka')).toEqual({ ok: false, code: 'CELL_INVALID_POS', params: { nearest: '29-Karnataka' } });
  });
});

describe('coerce: choices and codes', () => {
  it('maps template labels to JSON codes', () => {
    expect(value(coerceCell('invTyp', 'Regular B2B'))).toBe('R');
    expect(value(coerceCell('invTyp', 'Regular'))).toBe('R');
    expect(value(coerceCell('invTyp', 'SEZ supplies with payment'))).toBe('SEWP');
    expect(value(coerceCell('invTyp', 'SEZ Supplies without payment'))).toBe('SEWOP');
    expect(value(coerceCell('invTyp', 'Deemed Exp'))).toBe('DE');
    expect(value(coerceCell('invTyp', 'Intra-State supplies attracting IGST'))).toBe('CBW');
    expect(value(coerceCell('invTyp', 'SEZWP'))).toBe('!CELL_INVALID_CHOICE');
  });

  it('reads Table 15 document types: the four labels of its list (no CBW)', () => {
    expect(value(coerceCell('docTyp', 'Regular'))).toBe('R');
    expect(value(coerceCell('docTyp', 'Deemed Exp'))).toBe('DE');
    expect(value(coerceCell('docTyp', 'SEZ supplies with payment'))).toBe('SEWP');
    expect(value(coerceCell('docTyp', 'sewop'))).toBe('SEWOP');
    expect(value(coerceCell('docTyp', 'Intra-State supplies attracting IGST'))).toBe('!CELL_INVALID_CHOICE');
  });

  it('reads UQC labels and codes', () => {
    expect(value(coerceCell('uqc', 'KGS-KILOGRAMS'))).toBe('KGS');
    expect(value(coerceCell('uqc', 'kgs'))).toBe('KGS');
    expect(value(coerceCell('uqc', 'NA'))).toBe('NA');
    // unknown codes pass through for the UQC rule to report
    expect(value(coerceCell('uqc', 'XYZ-THINGS'))).toBe('XYZ');
  });

  it('reads applicable % as 65 or 100', () => {
    expect(value(coerceCell('diffPercent', '65.00'))).toBe(65);
    expect(value(coerceCell('diffPercent', 0.65))).toBe(65);
    expect(value(coerceCell('diffPercent', '65%'))).toBe(65);
    expect(value(coerceCell('diffPercent', 100))).toBe(100);
  });

  it('keeps HSN leading zeros, restoring one lost to a number cell', () => {
    expect(value(coerceCell('hsn', '0101'))).toBe('0101');
    expect(value(coerceCell('hsn', 101))).toBe('0101');
    expect(value(coerceCell('hsn', 8471))).toBe('8471');
    expect(value(coerceCell('hsn', '84 71'))).toBe('8471');
    expect(value(coerceCell('hsn', '84A1'))).toBe('!CELL_INVALID_HSN');
  });

  it('reads natures of document, nil descriptions and financial years', () => {
    expect(value(coerceCell('docNature', 'Invoices for outward supply'))).toBe(1);
    expect(value(coerceCell('docNature', 'Credit Note'))).toBe(5);
    expect(value(coerceCell('nilDesc', 'Intra-State supplies to unregistered persons'))).toBe('INTRAB2C');
    expect(value(coerceCell('fy', '2024-25'))).toBe(2024);
    expect(value(coerceCell('fy', '2024-26'))).toBe('!CELL_INVALID_FY');
    expect(value(coerceCell('omonth', 'APRIL'))).toBe(4);
  });

  it('reports Excel error cells', () => {
    expect(value(coerceCell('txval', { error: '#N/A' }))).toBe('!CELL_EXCEL_ERROR');
  });
});

describe('coerce: ids', () => {
  it('reads a GSTIN as typed without white space, in capitals, and leaves a clean one as it is', () => {
    const clean = '27AAACR5055K1Z7';
    expect(idText(clean)).toBe(clean);
    expect(idText(' 27aaacr5055k1z7 ')).toBe(clean);
    expect(idText('27AAA CR5055\tK1Z7')).toBe(clean);
    expect(idText('27-AAACR')).toBe('27-AAACR'); // not an id: the shape rules say so, not the reader
  });
});

describe('coerce: number cells', () => {
  it('reads every amount of up to 2 decimals as its exact paise, the same as its decimal spelling does', () => {
    const samples = [0, -0, 0.01, 0.1, 0.29, 1.15, 6487.64, 180.07, 99_999_999.99, -12_345.67, 1e11 + 0.05, 4.35, 1.005];
    for (let i = 0; i < 20_000; i++) samples.push(Math.round((Math.random() - 0.3) * 1e9) / 100);
    const wrong = samples.filter((v) => {
      const fast = coerceHundredths(v);
      const viaText = coerceHundredths(String(v));
      return !fast.ok || !viaText.ok || !Object.is(fast.value.hundredths, viaText.value.hundredths) || (fast.value.decimals > 2) !== (viaText.value.decimals > 2);
    });
    expect(wrong).toEqual([]);
    // not 2 decimals: read by the general path as before (1.005 has 3; formula noise is 2)
    expect(coerceHundredths(1.005)).toEqual({ ok: true, value: { hundredths: 101, decimals: 3 } });
    expect(coerceHundredths(180.00000000000003)).toEqual({ ok: true, value: { hundredths: 18000, decimals: 2 } });
  });

  it('reads a quantity as Excel shows it (15 significant digits): a formula result is no 13-decimal quantity', () => {
    // the cached result the tester's =4949.9+0.1 had
    expect(value(coerceCell('qty', 4950.000000000001))).toBe('4950');
    expect(value(coerceCell('qty', 0.1 + 0.2))).toBe('0.3');
    // the digits a user typed stay as they are, however many
    expect(value(coerceCell('qty', 12.345))).toBe('12.345');
    expect(value(coerceCell('qty', 123456789012.25))).toBe('123456789012.25');
    expect(value(coerceCell('qty', -2.5))).toBe('-2.5');
    expect(value(coerceCell('qty', '4950.000000000001'))).toBe('4950.000000000001');
  });
});
