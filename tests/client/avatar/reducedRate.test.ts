import { describe, expect, it, vi } from "vitest";
import { REDUCED_RATE_DISTANCE_M } from "../../../client/avatar/lod";
import { AvatarRig } from "../../../client/avatar/motion/avatarRig";
import { drivenPreset, FRAME_S } from "./support/presetAvatar";

describe("far bodies at a reduced rate", () => {
  it("take turns: bodies that fall back together pose in different frames, each about 10 times a second", async () => {
    const bodies = [];
    for (let i = 0; i < 4; i++) bodies.push(await drivenPreset("wren", i + 1));
    for (const body of bodies) body.run(0.2);
    const posed = vi.spyOn(AvatarRig.prototype, "apply");
    const rigOf = new Map<unknown, number>();
    const perBody = [0, 0, 0, 0];
    const framesWithTwo: number[] = [];
    for (let frame = 0; frame < 60; frame++) {
      posed.mockClear();
      bodies.forEach((body, i) => {
        // All four step back at the same moment, as when the camera jumps away.
        body.driver.setDistance(REDUCED_RATE_DISTANCE_M + 20);
        body.driver.update(FRAME_S, body.pose);
        for (const rig of posed.mock.contexts) if (!rigOf.has(rig)) rigOf.set(rig, i);
      });
      const who = new Set(posed.mock.contexts.map((rig) => rigOf.get(rig)));
      for (const i of who) perBody[i!]!++;
      if (who.size > 1) framesWithTwo.push(frame);
    }
    posed.mockRestore();
    // One second at 60 fps: about ten updates each (every 6th or 7th frame).
    for (const count of perBody) {
      expect(count).toBeGreaterThanOrEqual(8);
      expect(count).toBeLessThanOrEqual(11);
    }
    expect(framesWithTwo).toEqual([]);
  });
});
