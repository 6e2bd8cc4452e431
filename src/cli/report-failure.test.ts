import { describe, expect, it } from 'vitest';
import { reportFailure } from './cli.js';

function report(e: unknown): { code: number; text: string } {
  let text = '';
  const code = reportFailure(e, { stderr: { write: (s: string) => ((text += s), true) } } as never);
  return { code, text };
}

describe('reportFailure', () => {
  it('words an operating-system refusal that names its file, and says "internal error" for anything else, never throwing', () => {
    const full = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/data/sales.xlsx' });
    expect(report(full)).toEqual({ code: 2, text: expect.stringContaining('Could not open /data/sales.xlsx: permission denied') });
    for (const odd of [undefined, null, 'text', 42]) {
      const r = report(odd);
      expect(r.code).toBe(2);
      expect(r.text).toContain('internal error');
    }
  });
});
