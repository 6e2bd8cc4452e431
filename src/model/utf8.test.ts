import { describe, expect, it } from 'vitest';
import { utf8LengthOf } from './utf8.js';

describe('utf8LengthOf', () => {
  it('counts UTF-8 bytes as Buffer.byteLength does: ASCII, two-, three- and four-byte characters, lone surrogates', () => {
    const texts = ['', 'plain ASCII {"inum":"A-1"}', 'Zürich', '₹ 1,180.00', 'ಬೆಂಗಳೂರು', '😀 emoji', 'lone \ud800 high', 'lone \udc00 low', 'end high \ud83d', '\u007f\u0080\u07ff\u0800\uffff'];
    for (const t of texts) expect(utf8LengthOf(t), JSON.stringify(t)).toBe(Buffer.byteLength(t));
  });
});
