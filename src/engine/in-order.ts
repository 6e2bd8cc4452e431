/** Runs hooks one after the other, staying synchronous until one of them returns a promise. */

export type Hook<T> = (arg: T) => void | Promise<void>;

/** Undefined when every hook finished synchronously; else a promise of the rest, in order. */
export function inOrder<T>(hooks: readonly Hook<T>[], arg: T, from = 0): Promise<void> | undefined {
  for (let i = from; i < hooks.length; i++) {
    const done = hooks[i]!(arg);
    if (done && typeof done.then === 'function') return done.then(() => inOrder(hooks, arg, i + 1));
  }
  return undefined;
}
