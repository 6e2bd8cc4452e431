import { describe, expect, it } from 'vitest';
import { flatCopy } from './flat.js';

describe('flatCopy', () => {
  it('gives an equal string for short, medium, long, non-Latin and malformed text', () => {
    const big = 'a,'.repeat(5000) + 'GST/25-26/000001,' + 'ಕನ್ನಡ ಇನ್‌ವಾಯ್ಸ್ 12345678'.repeat(5) + ',\ud800lone surrogate text,' + 'z'.repeat(200);
    for (const part of big.split(',')) expect(flatCopy(part)).toBe(part);
    for (const s of ['', 'x', '123456789012', '1234567890123', '\udc00'.repeat(20), 'é'.repeat(70), '😀'.repeat(40)]) {
      expect(flatCopy(s)).toBe(s);
    }
  });
});
