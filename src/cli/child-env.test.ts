import { describe, expect, it } from 'vitest';
import { childEnv, MALLOC_ARENAS } from './child-env.js';

describe('the command process environment', () => {
  it('marks the child, caps glibc malloc arenas, and keeps everything else and a cap the user set', () => {
    expect(childEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GSTR1_CHILD: '1', MALLOC_ARENA_MAX: MALLOC_ARENAS });
    expect(childEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_ARENA_MAX: '8', GSTR1_CHILD: '1' });
  });
});
