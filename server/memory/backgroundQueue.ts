import type { Logger } from "../logging";

/** By default, the longest a queue stays held, however many holds overlap. */
export const MAX_HOLD_MS = 2000;

/**
 * Work done after the fact, in the order it was queued, one task at a time: memory writes never
 * sit on a reply's path, and a failing task is logged, never thrown at whoever queued it. With a
 * limit, tasks beyond it are dropped (and logged) rather than piling up behind a slow model.
 *
 * A reply's own reads come first: while someone holds the queue (see `hold`) no queued task
 * starts, and before each task the queue lets work begun in the same turn of the event loop go
 * first (a reply's recall starts the moment its line is stored, before the line's follow-up writes).
 */
export class BackgroundQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private holds = 0;
  /** `run` tasks queued and not started yet: someone waits on them, so holds give way. */
  private awaited = 0;
  /** When the queue became held (performance.now()); holds that overlap count from the first. */
  private heldSince = 0;
  private readonly waitingForRelease: (() => void)[] = [];

  constructor(
    private readonly name: string,
    private readonly log: Logger,
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly maxHoldMs = MAX_HOLD_MS,
  ) {}

  /** Queues `task`; false when the queue is full and the task was dropped. */
  push(what: string, task: () => Promise<void>): boolean {
    if (this.pending >= this.limit) {
      this.log.warn({ queue: this.name, what, pending: this.pending }, "memory work dropped: queue full");
      return false;
    }
    this.pending++;
    this.tail = this.tail
      .then(() => this.turn())
      .then(task)
      .catch((error: unknown) => this.log.error({ err: error, queue: this.name, what }, "memory work failed"))
      .finally(() => this.pending--);
    return true;
  }

  /**
   * Queues `task` in the same order as `push`, and hands its outcome to the caller, who must
   * handle a failure: for work someone waits on (a line is acknowledged once it is stored).
   * Someone waits on it, so holds give way until it has started: the tasks before it run.
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.awaited++;
    this.wake();
    const result = this.tail.then(() => {
      this.awaited--;
      return task();
    });
    this.pending++;
    this.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => this.pending--);
    return result;
  }

  /**
   * Keeps queued tasks from starting (the one running finishes) until the returned release is
   * called: for a reply's reads, which must not wait behind writes that nobody waits for.
   * Calling the release twice is harmless. Holds never starve the queue: once it has been held
   * for `maxHoldMs` (companions answering one after another), tasks run again regardless.
   */
  hold(): () => void {
    if (this.holds++ === 0) this.heldSince = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds === 0) this.wake();
    };
  }

  /** Resolves once everything queued so far has run. */
  drained(): Promise<void> {
    return this.tail;
  }

  private wake(): void {
    for (const resume of this.waitingForRelease.splice(0)) resume();
  }

  private async turn(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      const left = this.heldSince + this.maxHoldMs - performance.now();
      if (this.holds === 0 || this.awaited > 0 || left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waitingForRelease.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
