import { describe, expect, it } from "vitest";
import { MOVE_SEND_HZ } from "../../shared/protocol";
import { MoveSchedule } from "../../client/player/moveSchedule";

/** Runs the schedule at 60 fps; `changing(frame)` says whether the pose changed that frame. */
function sendTimes(frames: number, changing: (frame: number) => boolean): number[] {
  const schedule = new MoveSchedule();
  const sent: number[] = [];
  for (let f = 0; f < frames; f++) {
    const now = (f * 1000) / 60;
    if (schedule.update(now, changing(f))) sent.push(now);
  }
  return sent;
}

describe("MoveSchedule", () => {
  it("sends nothing while the player stands still", () => {
    expect(sendTimes(600, () => false)).toEqual([]);
  });

  it("sends at MOVE_SEND_HZ while the player keeps moving", () => {
    const sent = sendTimes(600, () => true);
    const perSecond = sent.length / 10;
    expect(perSecond).toBeGreaterThanOrEqual(MOVE_SEND_HZ - 1);
    expect(perSecond).toBeLessThanOrEqual(MOVE_SEND_HZ);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(1000 / MOVE_SEND_HZ - 1e-9);
  });

  it("sends the resting pose right after the player stops, then nothing more", () => {
    const stopFrame = 65;
    const sent = sendTimes(600, (f) => f < stopFrame);
    const last = sent[sent.length - 1]!;
    // Within a couple of frames of stopping, not a full interval later.
    expect(last).toBeGreaterThanOrEqual((stopFrame * 1000) / 60 - 1e-9);
    expect(last).toBeLessThanOrEqual(((stopFrame + 2) * 1000) / 60);
    expect(sent.filter((t) => t > last)).toEqual([]);
  });

  it("never exceeds three times the send rate, even when the pose flickers", () => {
    const sent = sendTimes(600, (f) => f % 2 === 0);
    expect(sent.length / 10).toBeLessThanOrEqual(MOVE_SEND_HZ * 3);
  });

  it("forgets a pending pose on reset (after a snap back to the server's position)", () => {
    const schedule = new MoveSchedule();
    expect(schedule.update(0, true)).toBe(true);
    expect(schedule.update(16, true)).toBe(false);
    schedule.reset();
    expect(schedule.update(200, false)).toBe(false);
  });
});
