import { describe, expect, it } from "vitest";
import { createLogger } from "../../../server/logging";
import { BackgroundQueue } from "../../../server/memory/backgroundQueue";

const log = createLogger("silent");
/** A few turns of the event loop: long enough for a free queue to start its next task. */
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe("BackgroundQueue", () => {
  it("runs tasks in the order they were queued, one at a time, and logs a failure without stopping", async () => {
    const queue = new BackgroundQueue("test", log);
    const ran: string[] = [];
    queue.push("a", async () => {
      ran.push("a start");
      await turns(2);
      ran.push("a end");
    });
    queue.push("fails", async () => {
      throw new Error("boom");
    });
    queue.push("b", async () => {
      ran.push("b");
    });
    await queue.drained();
    expect(ran).toEqual(["a start", "a end", "b"]);
  });

  it("starts no queued task while held, and resumes in order once every hold is released", async () => {
    const queue = new BackgroundQueue("test", log);
    const ran: string[] = [];
    const first = queue.hold();
    const second = queue.hold();
    queue.push("a", async () => void ran.push("a"));
    queue.push("b", async () => void ran.push("b"));
    await turns();
    expect(ran).toEqual([]);
    first();
    first();
    await turns();
    expect(ran).toEqual([]);
    second();
    await queue.drained();
    expect(ran).toEqual(["a", "b"]);
  });

  it("lets work begun in the same turn take its hold before a queued task starts", async () => {
    const queue = new BackgroundQueue("test", log);
    const ran: string[] = [];
    const stored = queue.run(async () => "line");
    queue.push("follow-up", async () => void ran.push("follow-up"));
    // Like a reply starting the moment its line is stored.
    const release = await stored.then(() => queue.hold());
    await turns();
    expect(ran).toEqual([]);
    release();
    await queue.drained();
    expect(ran).toEqual(["follow-up"]);
  });

  it("gives way while a task someone waits on is queued: the tasks before it run, then the hold applies again", async () => {
    const queue = new BackgroundQueue("test", log);
    const ran: string[] = [];
    const release = queue.hold();
    queue.push("before", async () => void ran.push("before"));
    await turns();
    expect(ran).toEqual([]);
    await queue.run(async () => void ran.push("awaited"));
    queue.push("after", async () => void ran.push("after"));
    await turns();
    expect(ran).toEqual(["before", "awaited"]);
    release();
    await queue.drained();
    expect(ran).toEqual(["before", "awaited", "after"]);
  });

  it("never stays held past its limit, however long the holds last", async () => {
    const queue = new BackgroundQueue("test", log, Number.POSITIVE_INFINITY, 20);
    const ran: string[] = [];
    queue.hold();
    queue.push("a", async () => void ran.push("a"));
    await queue.drained();
    expect(ran).toEqual(["a"]);
  });

  it("drops tasks beyond its limit", async () => {
    const queue = new BackgroundQueue("test", log, 1);
    const release = queue.hold();
    expect(queue.push("a", async () => undefined)).toBe(true);
    expect(queue.push("b", async () => undefined)).toBe(false);
    release();
    await queue.drained();
  });
});
