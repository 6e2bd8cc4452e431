import { describe, expect, it } from 'vitest';
import { specBySignature } from './headers.js';

describe('headers: the sheet a header row belongs to', () => {
  it('never guesses a Table 15 sheet from headers: a B2C list without its Type is not ecourp2c', () => {
    // taken for b2cs with its Type missing (reported), not silently for Table 15
    expect(specBySignature(['Place Of Supply', 'Rate', 'Taxable Value', 'Cess Amount'])?.spec.id).toBe('b2cs');
    expect(specBySignature(['Type', 'Place Of Supply', 'Rate', 'Taxable Value'])?.spec.id).toBe('b2cs');
  });
});
