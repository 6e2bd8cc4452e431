import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what nothing holds any more, here and on later calls', async () => {
    for (let k = 0; k < 2; k++) {
      let held: object | undefined = { rows: new Array(1000).fill(k) };
      const ref = new WeakRef(held);
      held = undefined;
      // a WeakRef's target is kept until the current job ends
      await new Promise((r) => setTimeout(r, 0));
      collectGarbage();
      expect(ref.deref()).toBeUndefined();
    }
  });
});
