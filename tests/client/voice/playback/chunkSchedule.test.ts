import { describe, expect, it } from "vitest";
import { SCHEDULE_LEAD_S, scheduleChunk } from "../../../../client/voice/playback/chunkSchedule";

describe("chunk scheduling", () => {
  it("starts the first chunk a little after now", () => {
    expect(scheduleChunk(0, 10, 1.5)).toEqual({ start: 10 + SCHEDULE_LEAD_S, end: 10 + SCHEDULE_LEAD_S + 1.5 });
  });

  it("puts each next chunk exactly where the previous one ends, however early it arrives", () => {
    let queueEnd = 0;
    const slots = [0.8, 1.2, 0.5].map((duration, i) => {
      const slot = scheduleChunk(queueEnd, 2 + i * 0.1, duration);
      queueEnd = slot.end;
      return slot;
    });
    expect(slots[1]!.start).toBe(slots[0]!.end);
    expect(slots[2]!.start).toBe(slots[1]!.end);
    expect(slots[2]!.end).toBeCloseTo(2 + SCHEDULE_LEAD_S + 2.5, 9);
  });

  it("after the queue ran dry (speech arrived late), starts from now instead of in the past", () => {
    const slot = scheduleChunk(5, 7, 1, 0.02);
    expect(slot).toEqual({ start: 7.02, end: 8.02 });
  });

  it("refuses durations and times that are not positive finite numbers", () => {
    expect(() => scheduleChunk(0, 1, 0)).toThrow(/positive number of seconds, got 0/);
    expect(() => scheduleChunk(0, 1, Number.NaN)).toThrow(/positive number/);
    expect(() => scheduleChunk(0, Number.POSITIVE_INFINITY, 1)).toThrow(/audio times must be finite/);
  });
});
