import { describe, expect, it } from "vitest";
import { createGenerationQueue } from "../../../server/llm/generationQueue";
import { isProviderError } from "../../../server/llm";

const never = () => new AbortController().signal;

/** Settles pending promise callbacks so the test sees who has a slot by now. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function track(promise: Promise<() => void>) {
  const state: { release?: () => void; error?: unknown } = {};
  promise.then(
    (release) => (state.release = release),
    (error: unknown) => (state.error = error),
  );
  return state;
}

describe("generation queue", () => {
  it("grants up to `concurrency` slots at once and queues the rest", async () => {
    const queue = createGenerationQueue({ concurrency: 2, maxWaiting: 4 });
    const a = track(queue.acquire(never()));
    const b = track(queue.acquire(never()));
    const c = track(queue.acquire(never()));
    await settle();
    expect([!!a.release, !!b.release, !!c.release]).toEqual([true, true, false]);
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(1);
    a.release!();
    await settle();
    expect(c.release).toBeDefined();
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(0);
  });

  it("serves waiters first come, first served", async () => {
    const queue = createGenerationQueue({ concurrency: 1, maxWaiting: 8 });
    const first = track(queue.acquire(never()));
    await settle();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      queue.acquire(never()).then((release) => {
        order.push(n);
        release();
      }),
    );
    first.release!();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    expect(queue.running).toBe(0);
  });

  it("does not let a newcomer overtake a waiter when a slot frees up", async () => {
    const queue = createGenerationQueue({ concurrency: 1, maxWaiting: 8 });
    const first = track(queue.acquire(never()));
    await settle();
    const waiter = track(queue.acquire(never()));
    first.release!();
    const newcomer = track(queue.acquire(never()));
    await settle();
    expect(waiter.release).toBeDefined();
    expect(newcomer.release).toBeUndefined();
  });

  it("refuses beyond the waiting limit with a busy ProviderError and changes nothing", async () => {
    const queue = createGenerationQueue({ concurrency: 1, maxWaiting: 2 });
    track(queue.acquire(never()));
    track(queue.acquire(never()));
    track(queue.acquire(never()));
    await settle();
    const refused = await queue.acquire(never()).catch((error: unknown) => error);
    expect(isProviderError(refused) && refused.kind).toBe("busy");
    expect((refused as Error).message).toMatch(/1 running, 2 waiting/);
    expect(queue.waiting).toBe(2);
  });

  it("removes a waiter whose signal aborts, and the next one gets the slot", async () => {
    const queue = createGenerationQueue({ concurrency: 1, maxWaiting: 4 });
    const first = track(queue.acquire(never()));
    const controller = new AbortController();
    const cancelled = track(queue.acquire(controller.signal));
    const later = track(queue.acquire(never()));
    await settle();
    controller.abort();
    await settle();
    expect(isProviderError(cancelled.error) && cancelled.error.kind).toBe("aborted");
    expect(queue.waiting).toBe(1);
    first.release!();
    await settle();
    expect(later.release).toBeDefined();
    expect(cancelled.release).toBeUndefined();
  });

  it("refuses an already aborted signal without taking a slot", async () => {
    const queue = createGenerationQueue();
    const controller = new AbortController();
    controller.abort();
    const error = await queue.acquire(controller.signal).catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe("aborted");
    expect(queue.running).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const queue = createGenerationQueue({ concurrency: 1 });
    const first = track(queue.acquire(never()));
    const second = track(queue.acquire(never()));
    const third = track(queue.acquire(never()));
    await settle();
    first.release!();
    first.release!();
    await settle();
    expect(second.release).toBeDefined();
    expect(third.release).toBeUndefined();
    expect(queue.running).toBe(1);
  });

  it("rejects nonsensical limits", () => {
    expect(() => createGenerationQueue({ concurrency: 0 })).toThrow(/concurrency/);
    expect(() => createGenerationQueue({ maxWaiting: -1 })).toThrow(/maxWaiting/);
    expect(() => createGenerationQueue({ concurrency: 1.5 })).toThrow(/concurrency/);
  });
});
