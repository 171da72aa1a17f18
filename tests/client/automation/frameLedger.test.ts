import { afterEach, describe, expect, it, vi } from "vitest";
import { Group } from "three";
import { createAvatarDriver } from "../../../client/avatar";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { createFrameRecord, FRAME_STAGES, FrameLedger } from "../../../client/automation/frameLedger";
import { seededRandom } from "../../../client/world/seededRandom";
import { skeletonVrm0 } from "../avatar/support/skeletonVrm0";

/** performance.now() under the test's control: from `ms` on, each reading a quarter millisecond after the last. */
function steppingClock() {
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => (now += 0.25));
  return {
    set: (ms: number) => {
      now = ms - 0.25;
    },
  };
}

async function loadedDriver(seed: number) {
  const vrm = await parseVrm(skeletonVrm0());
  const root = new Group();
  root.add(vrm.scene);
  const driver = createAvatarDriver({ random: seededRandom(seed) });
  driver.attach(vrm, root);
  return driver;
}

const pose = { x: 0, y: 0, z: 0, yaw: 0, speed: 0 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("frame timing", () => {
  it("counts only the avatar updates that ran in this frame, not a skipped body's last time", async () => {
    const updatedNow = await loadedDriver(1);
    const updatedBefore = await loadedDriver(2);
    const neverLoaded = createAvatarDriver({ random: seededRandom(3) });
    const clock = steppingClock();
    // An earlier frame updated the second body, which then stopped being updated (unmounted, hidden).
    clock.set(1000);
    updatedBefore.update(1 / 60, pose);
    expect(updatedBefore.lastUpdateStartedAt).toBe(1000);
    expect(updatedBefore.lastUpdateMs).toBeGreaterThan(0);

    const ledger = new FrameLedger();
    const record = createFrameRecord(4);
    clock.set(2000);
    ledger.begin(performance.now(), Number.NaN);
    updatedNow.update(1 / 60, pose);
    neverLoaded.update(1 / 60, pose);
    for (const driver of [updatedNow, updatedBefore, neverLoaded]) ledger.addAvatar(driver);
    ledger.addCompanionShare(updatedNow);
    ledger.addCompanionShare(updatedBefore);

    expect(ledger.ranThisFrame(updatedNow)).toBe(true);
    expect(ledger.ranThisFrame(updatedBefore)).toBe(false);
    expect(ledger.ranThisFrame(neverLoaded)).toBe(false);
    ledger.write(record, performance.now(), Number.NaN);
    expect(record.avatarsUpdated[0]).toBe(1);
    expect(updatedNow.lastUpdateMs).toBeGreaterThan(0);
    expect(record.avatarMs[0]).toBe(updatedNow.lastUpdateMs);
    expect(record.companionAvatarMs[0]).toBe(updatedNow.lastUpdateMs);
  });

  it("sums each counted update's own time, and the companions' share apart", () => {
    const ledger = new FrameLedger();
    const record = createFrameRecord(4);
    ledger.begin(100, Number.NaN);
    const person = { lastUpdateMs: 0.4, lastUpdateStartedAt: 101 };
    const companion = { lastUpdateMs: 0.7, lastUpdateStartedAt: 102 };
    const stale = { lastUpdateMs: 9, lastUpdateStartedAt: 50 };
    for (const driver of [person, companion, stale]) ledger.addAvatar(driver);
    ledger.addCompanionShare(companion);
    ledger.write(record, 110, Number.NaN);
    expect(record.avatarMs[0]).toBeCloseTo(1.1);
    expect(record.companionAvatarMs[0]).toBeCloseTo(0.7);
    expect(record.slowestAvatarMs[0]).toBeCloseTo(0.7);
    expect(record.avatarsUpdated[0]).toBe(2);
  });

  it("splits the frame into stages that add up to its JS time; a stage that marked nothing gets none", () => {
    const ledger = new FrameLedger();
    const record = createFrameRecord(2);
    ledger.begin(10, Number.NaN);
    const ends = [10.5, 11, 13, 14, 20, 21];
    ends.forEach((end, i) => {
      if (i !== 3) ledger.endStage(i, end);
    });
    expect(ledger.write(record, 22, Number.NaN)).toBe(12);
    const stages = Object.fromEntries(FRAME_STAGES.map((stage) => [stage, record.stageMs[stage][0]]));
    expect(stages).toEqual({ xrInput: 0.5, pointers: 0.5, simulate: 2, camera: 0, draw: 7, afterAvatars: 1, labels: 1 });
    expect(record.startedAt[0]).toBe(10);
    expect(record.jsMs[0]).toBe(12);
  });

  it("notes a garbage collection inside the frame when the heap shrank, and no heap figure where the browser gives none", () => {
    const ledger = new FrameLedger();
    const record = createFrameRecord(3);
    ledger.begin(0, 4 * 1024 * 1024);
    ledger.write(record, 1, 3 * 1024 * 1024);
    ledger.begin(2, 3 * 1024 * 1024);
    ledger.write(record, 3, 3.5 * 1024 * 1024);
    ledger.begin(4, Number.NaN);
    ledger.write(record, 5, Number.NaN);
    expect(record.heapDropKb).toEqual([1024, 0, null]);
    expect(record.written).toBe(3);
  });

  it("writes round the record, keeping the last `capacity` frames", () => {
    const ledger = new FrameLedger();
    const record = createFrameRecord(2);
    for (let i = 0; i < 3; i++) {
      ledger.begin(i * 10, Number.NaN);
      ledger.write(record, i * 10 + i + 1, Number.NaN);
    }
    expect(record.written).toBe(3);
    expect(record.jsMs).toEqual([3, 2]);
  });
});
