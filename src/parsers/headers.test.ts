import { describe, expect, it } from 'vitest';
import { sheetSpec } from '../model/sheets.js';
import { nearestHeader, specBySignature } from './headers.js';

describe('headers: the sheet a header row belongs to', () => {
  it('never guesses a Table 15 sheet from headers: a B2C list without its Type is not ecourp2c', () => {
    // taken for b2cs with its Type missing (reported), not silently for Table 15
    expect(specBySignature(['Place Of Supply', 'Rate', 'Taxable Value', 'Cess Amount'])?.spec.id).toBe('b2cs');
    expect(specBySignature(['Type', 'Place Of Supply', 'Rate', 'Taxable Value'])?.spec.id).toBe('b2cs');
  });
});

describe('headers: "did you mean" names the right column', () => {
  const b2cl = sheetSpec('b2cl').columns.map((c) => c.header);
  it('a tax head is never taken for another: IGST Amount is Integrated Tax Amount, not Cess Amount', () => {
    expect(nearestHeader('IGST Amount', b2cl)).toBe('Integrated Tax Amount');
    expect(nearestHeader('CGST Amount', b2cl)).toBe('Central Tax Amount');
    expect(nearestHeader('SGST Amount', b2cl)).toBe('State/UT Tax Amount');
    expect(nearestHeader('UTGST Amount', b2cl)).toBe('State/UT Tax Amount');
    expect(nearestHeader('Net Amount', b2cl)).toBeUndefined();
    expect(nearestHeader('Cess Amont', b2cl)).toBe('Cess Amount');
  });

  it('a date is not a value, a number or a type', () => {
    const b2ba = sheetSpec('b2ba').columns.map((c) => c.header);
    expect(nearestHeader('Invoice Date', b2ba)).toBeUndefined();
    expect(nearestHeader('Invoice Date', b2cl)).toBe('Invoice date');
    expect(nearestHeader('Invoice Numbr', b2cl)).toBe('Invoice Number');
  });

  it('still finds plain misspellings', () => {
    expect(nearestHeader('Taxable Val', b2cl)).toBe('Taxable Value');
    expect(nearestHeader('Ecommerce GSTIN', b2cl)).toBe('E-Commerce GSTIN');
  });
});
