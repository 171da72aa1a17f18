import { describe, expect, it, vi } from "vitest";
import { Group } from "three";
import { avatarDetail, OUTLINE_DISTANCE_M } from "../../../client/avatar/lod";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import type { SpringStep } from "../../../client/avatar/springStep";
import { VrmUpdater } from "../../../client/avatar/vrmUpdate";
import { FRAME_S, presetBytes } from "./support/presetAvatar";

async function updaterWithSpringSpy() {
  const vrm = await parseVrm(await presetBytes());
  new Group().add(vrm.scene);
  const updater = new VrmUpdater(vrm);
  const steps = vi.spyOn((updater as unknown as { springStep: SpringStep }).springStep, "update");
  return { updater, steps };
}

describe("spring steps by distance", () => {
  it("step every update near the camera", async () => {
    const { updater, steps } = await updaterWithSpringSpy();
    const near = avatarDetail(OUTLINE_DISTANCE_M - 1);
    for (let i = 0; i < 6; i++) updater.update(FRAME_S, near);
    expect(steps).toHaveBeenCalledTimes(6);
    for (const [delta] of steps.mock.calls) expect(delta).toBeCloseTo(FRAME_S, 9);
  });

  it("beyond the outline distance, step every other update covering both, two bodies never in the same update", async () => {
    const a = await updaterWithSpringSpy();
    const b = await updaterWithSpringSpy();
    const mid = avatarDetail(OUTLINE_DISTANCE_M + 2);
    const stepped: [boolean, boolean][] = [];
    for (let i = 0; i < 8; i++) {
      const before = [a.steps.mock.calls.length, b.steps.mock.calls.length];
      a.updater.update(FRAME_S, mid);
      b.updater.update(FRAME_S, mid);
      stepped.push([a.steps.mock.calls.length > before[0]!, b.steps.mock.calls.length > before[1]!]);
    }
    expect(a.steps.mock.calls.length + b.steps.mock.calls.length).toBeGreaterThanOrEqual(7);
    expect(a.steps.mock.calls.length).toBeLessThanOrEqual(4);
    expect(b.steps.mock.calls.length).toBeLessThanOrEqual(4);
    for (const [stepA, stepB] of stepped) expect(stepA && stepB).toBe(false);
    // After the first, each step covers the two frames since the last one.
    for (const { steps } of [a, b]) for (const [delta] of steps.mock.calls.slice(1)) expect(delta).toBeCloseTo(2 * FRAME_S, 9);
  });
});
