import { describe, expect, it } from 'vitest';
import { busySaleType } from './busy-sale-type.js';
import { parseSupply } from './coerce.js';

describe('Busy sale types', () => {
  it('reads the category a sale type names, and taxable ones as Regular', () => {
    expect(['L/GST-18%', 'I/GST-12%', 'L/GST-MultiRate', 'I/GST-ItemWise', 'Local-TaxIncl', 'Central-TaxIncl'].map(busySaleType)).toEqual(
      Array(6).fill('Regular'),
    );
    expect(['L/GST-Exempt', 'I/GST-Exempt', 'L/GST-Nil Rated', 'I/GST-Non-GST'].map(busySaleType)).toEqual(['Exempt', 'Exempt', 'Nil Rated', 'Non-GST']);
  });

  it('an export or SEZ sale type is read with the supply-type words: LUT is without payment, a bare "Export" goes by the tax', () => {
    expect(parseSupply(busySaleType('Export (LUT)')!)).toEqual({ expType: 'WOPAY' });
    expect(parseSupply(busySaleType('I/GST-Export')!)).toEqual({ expType: 'WPAY', byTax: true });
    expect(parseSupply(busySaleType('SEZ-LUT')!)).toEqual({ invType: 'SEWOP' });
  });

  it('a sale type of a business\'s own naming is not guessed at', () => {
    expect(busySaleType('Counter Sale')).toBeUndefined();
    expect(busySaleType('L/GST-Special')).toBeUndefined();
  });
});
