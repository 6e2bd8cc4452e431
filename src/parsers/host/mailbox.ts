/**
 * Messages from another thread as an async queue, in order: what arrives before it is asked for
 * waits, and an ask before anything arrived waits for it. One reader at a time. Node's worker
 * threads (threads.ts Inbox) and the page's workers (web/src/reading.ts) both put into one.
 */
export class Mailbox<M> {
  private readonly queue: M[] = [];
  private waiting: ((m: M) => void) | undefined;

  next(): Promise<M> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    return new Promise((r) => (this.waiting = r));
  }

  put(m: M): void {
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w(m);
    else this.queue.push(m);
  }
}
