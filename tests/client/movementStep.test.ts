import { describe, expect, it } from "vitest";
import { RUN_SPEED, WALK_SPEED } from "../../shared/protocol";
import { isWalkable, walkableOf, WorldDefinition } from "../../shared/world";
import { createIntent, type MovementIntent } from "../../client/player/inputMapping";
import { fixtureWorld } from "../support/worlds";
import { MAX_STEP_SECONDS, stepMovement, type Pose } from "../../client/player/movementStep";

// A wall across z = 3 from x = -2 to 2, in front of the spawn.
const world = WorldDefinition.parse(fixtureWorld("test", "elsewhere", { obstacles: [{ type: "box", center: [0, 3], size: [4, 1] }] }));
const walkable = walkableOf(world);

const pose = (x = 0, z = 0, yaw = 0): Pose => ({ x, y: 0, z, yaw });
const intent = (fields: Partial<MovementIntent>): MovementIntent => Object.assign(createIntent(), fields);

describe("stepMovement", () => {
  it("walks forward along the camera's facing at walking speed", () => {
    const p = pose();
    const moved = stepMovement(p, intent({ forward: 1 }), 0, 0.1, walkable);
    expect(moved).toBeCloseTo(WALK_SPEED * 0.1);
    expect(p.x).toBeCloseTo(0);
    expect(p.z).toBeCloseTo(WALK_SPEED * 0.1);
  });

  it("moves relative to the camera: forward with the camera turned to +X goes +X", () => {
    const p = pose();
    stepMovement(p, intent({ forward: 1 }), Math.PI / 2, 0.1, walkable);
    expect(p.x).toBeCloseTo(WALK_SPEED * 0.1);
    expect(p.z).toBeCloseTo(0);
  });

  it("strafes right to the camera's right (−X when looking along +Z)", () => {
    const p = pose();
    stepMovement(p, intent({ right: 1 }), 0, 0.1, walkable);
    expect(p.x).toBeCloseTo(-WALK_SPEED * 0.1);
  });

  it("runs at running speed with Shift", () => {
    const p = pose();
    expect(stepMovement(p, intent({ forward: 1, run: true }), 0, 0.1, walkable)).toBeCloseTo(RUN_SPEED * 0.1);
  });

  it("turns the body towards where it walks", () => {
    const p = pose(0, 0, 0);
    for (let i = 0; i < 60; i++) stepMovement(p, intent({ right: -1 }), 0, 1 / 60, walkable);
    expect(p.yaw).toBeCloseTo(Math.PI / 2, 2);
  });

  it("caps a long frame so a stalled tab cannot teleport the player", () => {
    const p = pose();
    expect(stepMovement(p, intent({ forward: 1, run: true }), 0, 5, walkable)).toBeCloseTo(RUN_SPEED * MAX_STEP_SECONDS);
  });

  it("never leaves the walkable area, pressing into a wall or the bounds for a long time", () => {
    const p = pose(0, 0);
    for (let i = 0; i < 600; i++) {
      stepMovement(p, intent({ forward: 1, right: 0.3, run: true }), 0, 1 / 30, walkable);
      expect(isWalkable(walkable, p.x, p.z)).toBe(true);
    }
    const q = pose(0, 0);
    for (let i = 0; i < 600; i++) {
      stepMovement(q, intent({ forward: -1, right: 1, run: true }), 0.3, 1 / 30, walkable);
      expect(isWalkable(walkable, q.x, q.z)).toBe(true);
    }
  });

  it("slides along a wall instead of stopping dead", () => {
    // Just below the box (z 2.5…3.5); walking diagonally into it keeps the sideways part.
    const p = pose(0, 2.1);
    const start = p.x;
    for (let i = 0; i < 10; i++) stepMovement(p, intent({ forward: 0.7071, right: -0.7071 }), 0, 1 / 30, walkable);
    expect(p.x).toBeGreaterThan(start + 0.1);
    expect(p.z).toBeLessThan(2.5 - 0.29);
  });

  it("does not pass through a thin wall during one long frame", () => {
    const thin = walkableOf(WorldDefinition.parse({ ...world, obstacles: [{ type: "box", center: [0, 1], size: [8, 0.05] }] }));
    const p = pose(0, 0.5);
    stepMovement(p, intent({ forward: 1, run: true }), 0, MAX_STEP_SECONDS, thin);
    expect(p.z).toBeLessThan(1);
    expect(isWalkable(thin, p.x, p.z)).toBe(true);
  });

  it("does nothing without input", () => {
    const p = pose(1, 1, 0.5);
    expect(stepMovement(p, createIntent(), 0, 0.1, walkable)).toBe(0);
    expect(p).toEqual(pose(1, 1, 0.5));
  });
});
