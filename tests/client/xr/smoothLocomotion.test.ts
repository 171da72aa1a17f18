import { describe, expect, it } from "vitest";
import { WALK_SPEED } from "../../../shared/protocol";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { createIntent } from "../../../client/player/inputMapping";
import { stepMovement } from "../../../client/player/movementStep";
import { stickIntent } from "../../../client/xr/thumbsticks";
import { fixtureWorld } from "../../support/worlds";

// The fixture: 20 × 20 m, a 4 × 1 m wall centred at (0, −5) (its near face at z = −4.5).
const walkable = walkableOf(WorldDefinition.parse(fixtureWorld("test", "elsewhere")));

/** The XR left stick drives the same movement step as the keyboard, relative to the head's yaw. */
describe("smooth locomotion from the left stick", () => {
  it("walks where the head looks at walking speed", () => {
    const pose = { x: 0, y: 0, z: 0, yaw: 0 };
    // Head looking along −Z (yaw π), stick pushed fully forward.
    stepMovement(pose, stickIntent(0, -1, createIntent()), Math.PI, 0.1, walkable);
    expect(pose.x).toBeCloseTo(0);
    expect(pose.z).toBeCloseTo(-WALK_SPEED * 0.1);
  });

  it("strafes to the head's right with the stick pushed right", () => {
    const pose = { x: 0, y: 0, z: 0, yaw: 0 };
    // Head looking along +Z: its right is −X.
    stepMovement(pose, stickIntent(1, 0, createIntent()), 0, 0.1, walkable);
    expect(pose.x).toBeCloseTo(-WALK_SPEED * 0.1);
  });

  it("is stopped by a wall however long the stick is held", () => {
    const pose = { x: 0, y: 0, z: -3, yaw: 0 };
    for (let i = 0; i < 40; i++) stepMovement(pose, stickIntent(0, -1, createIntent()), Math.PI, 0.1, walkable);
    expect(pose.z).toBeGreaterThan(-4.5);
  });
});
