import { describe, expect, it } from 'vitest';
import { SharedStrings } from './shared-strings.js';

describe('SharedStrings', () => {
  it('gives back every string by index, across segments, including empty and long ones', () => {
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) texts.push(i % 97 === 0 ? '' : `INV/25-26/${String(i).padStart(6, '0')}`);
    texts.push('x'.repeat(70_000)); // longer than a segment: a segment of its own
    texts.push('कर्नाटक', '😀 emoji', '');
    const table = new SharedStrings();
    for (const t of texts) table.add(t);
    table.done();
    expect(table.length).toBe(texts.length);
    for (let i = 0; i < texts.length; i++) expect(table.get(i)).toBe(texts[i]);
  });

  it('splits texts across segment boundaries and joins them back, a surrogate pair cut in two included', () => {
    const texts: string[] = [];
    // texts of 7 characters with an emoji (two UTF-16 units) at every offset against the 65,536-character boundary
    for (let i = 0; i < 30_000; i++) texts.push(`${'ab'.slice(0, i % 3)}😀${'cdef'.slice(0, 3 - (i % 3))}`);
    texts.push('y'.repeat(200_000), 'z');
    const table = new SharedStrings();
    for (const t of texts) table.add(t);
    table.done();
    for (let i = 0; i < texts.length; i++) expect(table.get(i)).toBe(texts[i]);
  });

  it('gives an empty text that starts exactly where the last full segment ends', () => {
    const table = new SharedStrings();
    table.add('x'.repeat(65_536));
    table.add('');
    table.done();
    expect(table.get(0)).toBe('x'.repeat(65_536));
    expect(table.get(1)).toBe('');
  });

  it('has nothing outside its range', () => {
    const table = new SharedStrings();
    table.add('a');
    table.done();
    expect(table.get(1)).toBeUndefined();
    expect(table.get(-1)).toBeUndefined();
    expect(table.get(Number.NaN)).toBeUndefined();
    expect(new SharedStrings().done().get(0)).toBeUndefined();
  });
});
