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
