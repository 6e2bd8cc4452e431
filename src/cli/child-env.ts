/**
 * The environment of the process that runs the command (the launcher's child, main.ts).
 *
 * glibc's allocator gives threads arenas of their own (up to 8 per core) and keeps freed blocks in
 * each: the buffers of a large read, freed between the document store's pages, stay resident in
 * whichever arena held them. Two arenas, one per core of a usual machine, measured at 500,000
 * lines (validate, medians of 3): CSV 163 -> 157 MB, xlsx 192 -> 184 MB peak RSS, CPU within
 * noise; one arena saved as much on CSV but cost the xlsx reading thread some CPU. Other C
 * libraries ignore the variable; one the user set is kept.
 */
export const MALLOC_ARENAS = '2';

export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, GSTR1_CHILD: '1', ...(env.MALLOC_ARENA_MAX === undefined ? { MALLOC_ARENA_MAX: MALLOC_ARENAS } : {}) };
}
