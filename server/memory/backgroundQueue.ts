import type { Logger } from "../logging";

/**
 * Work done after the fact, in the order it was queued, one task at a time: memory writes never
 * sit on a reply's path, and a failing task is logged, never thrown at whoever queued it. With a
 * limit, tasks beyond it are dropped (and logged) rather than piling up behind a slow model.
 */
export class BackgroundQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly name: string,
    private readonly log: Logger,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  /** Queues `task`; false when the queue is full and the task was dropped. */
  push(what: string, task: () => Promise<void>): boolean {
    if (this.pending >= this.limit) {
      this.log.warn({ queue: this.name, what, pending: this.pending }, "memory work dropped: queue full");
      return false;
    }
    this.pending++;
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => this.log.error({ err: error, queue: this.name, what }, "memory work failed"))
      .finally(() => this.pending--);
    return true;
  }

  /**
   * Queues `task` in the same order as `push`, and hands its outcome to the caller, who must
   * handle a failure: for work someone waits on (a line is acknowledged once it is stored).
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.pending++;
    this.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => this.pending--);
    return result;
  }

  /** Resolves once everything queued so far has run. */
  drained(): Promise<void> {
    return this.tail;
  }
}
