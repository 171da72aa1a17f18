import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createFrameRecord, FrameLedger } from "../../../client/automation/frameLedger";
import { readFrameSamples } from "../../../bench/support/frameRecord";

/**
 * A stand-in page: runs what the bench sends from its source text alone, in a scope without the
 * bench module's helpers, as the browser does.
 */
function pageFromSource(): Page {
  return {
    evaluate: async (fn: (arg: unknown) => unknown, arg: unknown) => {
      const fromSource = new Function(`return (${fn.toString()})`)() as (arg: unknown) => unknown;
      return JSON.parse(JSON.stringify(fromSource(arg)));
    },
  } as unknown as Page;
}

function pageWithFrames(count: number, capacity = 4) {
  const frames = createFrameRecord(capacity);
  const companionUpdates = { capacity: 8, written: 0, ms: new Array<number>(8).fill(0) };
  const ledger = new FrameLedger();
  for (let i = 0; i < count; i++) {
    ledger.begin(i * 100, Number.NaN);
    ledger.endStage(2, i * 100 + 1);
    ledger.write(frames, i * 100 + 2 + i, Number.NaN);
    companionUpdates.ms[companionUpdates.written++ % 8] = i / 10;
  }
  (globalThis as { window?: unknown }).window = { __kindred: { frames, companionUpdates } };
  return pageFromSource();
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("reading the page's frame record", () => {
  it("takes only the frames written since the last look, each with its stages", async () => {
    const page = pageWithFrames(3);
    const first = await readFrameSamples(page, { frames: 0, companionUpdates: 0 });
    expect(first.frames.map((f) => f.jsMs)).toEqual([2, 3, 4]);
    expect(first.frames[1]).toMatchObject({ startedAt: 100, heapDropKb: null, stageMs: { xrInput: 0, pointers: 0, simulate: 1, labels: 2 } });
    expect(first.companionUpdateMs).toEqual([0, 0.1, 0.2]);
    expect(first.next).toEqual({ frames: 3, companionUpdates: 3 });
    const again = await readFrameSamples(page, first.next);
    expect(again.frames).toEqual([]);
    expect(again.lost).toBe(0);
  });

  it("counts the frames the rolling record no longer held as lost", async () => {
    const page = pageWithFrames(7, 4);
    const read = await readFrameSamples(page, { frames: 1, companionUpdates: 7 });
    expect(read.frames.map((f) => f.startedAt)).toEqual([300, 400, 500, 600]);
    expect(read.lost).toBe(2);
  });
});
