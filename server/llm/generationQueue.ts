import { ProviderError } from "./providerError";

export interface GenerationQueueOptions {
  /** Generations running at once on the shared model. */
  concurrency?: number;
  /** Generations allowed to wait for a slot; one more is refused as busy. */
  maxWaiting?: number;
}

/** Gives the slot back; calling it twice is harmless. */
export type ReleaseSlot = () => void;

export interface GenerationQueue {
  /**
   * Resolves with a slot once one is free, first come first served. Throws a ProviderError of kind
   * "busy" at once when the queue is full, and of kind "aborted" when `signal` aborts before the
   * slot is granted (the waiter leaves the queue).
   */
  acquire(signal: AbortSignal): Promise<ReleaseSlot>;
  readonly running: number;
  readonly waiting: number;
}

const DEFAULT_CONCURRENCY = 1;
const DEFAULT_MAX_WAITING = 8;

interface Waiter {
  grant: (release: ReleaseSlot) => void;
}

/**
 * One embedded model serves every companion: it can only compute so many replies at once, and a
 * crowd of companions must not pile up unbounded work behind it.
 */
export function createGenerationQueue(options: GenerationQueueOptions = {}): GenerationQueue {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const maxWaiting = options.maxWaiting ?? DEFAULT_MAX_WAITING;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a whole number ≥ 0, got ${maxWaiting}`);

  let running = 0;
  const waiters: Waiter[] = [];

  const slot = (): ReleaseSlot => {
    running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running--;
      // Hand the slot straight to the longest waiter, so a newcomer cannot overtake it.
      const next = waiters.shift();
      if (next) next.grant(slot());
    };
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiters.length;
    },
    acquire(signal) {
      if (signal.aborted) return Promise.reject(abortedWhileWaiting());
      if (running < concurrency && waiters.length === 0) return Promise.resolve(slot());
      if (waiters.length >= maxWaiting) {
        return Promise.reject(new ProviderError("busy", `the local model is busy: ${running} running, ${waiters.length} waiting`));
      }
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const onAbort = () => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(abortedWhileWaiting());
        };
        const waiter: Waiter = {
          grant: (release) => {
            signal.removeEventListener("abort", onAbort);
            resolve(release);
          },
        };
        waiters.push(waiter);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}

function abortedWhileWaiting(): ProviderError {
  return new ProviderError("aborted", "the generation was cancelled while waiting for the local model");
}
