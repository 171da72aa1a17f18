import { describe, expect, it } from "vitest";
import {
  BodyFacing,
  CATCH_UP_AFTER_S,
  CATCH_UP_TURN_S,
  COMFORT_YAW,
  MAX_TWIST,
  wrapAngle,
} from "../../../client/people/bodyFacing";

const DEG = Math.PI / 180;

/** Where the head looks and the body stands at time t (s). */
type Motion = (t: number) => { yaw: number; x: number; z: number };

/** Runs `motion` for `seconds` at `hz` updates a second from a body facing `from` at t = 0; returns the body's yaw at each update. */
function run(motion: Motion, seconds: number, hz = 60, from = 0): number[] {
  const dt = 1 / hz;
  const start = motion(0);
  const facing = new BodyFacing();
  facing.reset(from, start.x, start.z);
  const yaws: number[] = [];
  for (let i = 1; i <= Math.round(seconds * hz); i++) {
    const m = motion(i * dt);
    yaws.push(facing.update(m.yaw, m.x, m.z, dt));
  }
  return yaws;
}

const still = (yaw: (t: number) => number): Motion => (t) => ({ yaw: yaw(t), x: 0, z: 0 });
const last = (yaws: number[]): number => yaws[yaws.length - 1]!;

describe("wrapAngle", () => {
  it("brings any angle into (−π, π]", () => {
    expect(wrapAngle(3 * Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapAngle(-Math.PI)).toBe(Math.PI);
    expect(wrapAngle(-190 * DEG)).toBeCloseTo(170 * DEG, 12);
    expect(wrapAngle(0.3)).toBe(0.3);
  });
});

describe("BodyFacing", () => {
  it("faces the head on the first update", () => {
    const facing = new BodyFacing();
    expect(facing.update(1.2, 3, 4, 1 / 60)).toBe(1.2);
  });

  it("holds its direction while the head turns within the comfortable range, for as long as it stays there", () => {
    const yaws = run(still((t) => Math.min(1, t) * (COMFORT_YAW - 2 * DEG)), 5);
    for (const yaw of yaws) expect(yaw).toBe(0);
  });

  it("holds when the head goes past the range only for a moment", () => {
    const glance = CATCH_UP_AFTER_S * 0.7;
    const yaws = run(still((t) => (t < glance ? 65 * DEG : 20 * DEG)), 3);
    for (const yaw of yaws) expect(yaw).toBe(0);
  });

  it("turns to face the head once it stays past the range, easing in and out over a short turn", () => {
    const head = 70 * DEG;
    const hz = 60;
    const yaws = run(still(() => head), 2, hz);
    const at = (t: number): number => yaws[Math.round(t * hz) - 1]!;
    // Waits…
    expect(at(CATCH_UP_AFTER_S - 0.05)).toBe(0);
    // …then turns: slowly at first, halfway at half its time, done at its end.
    const started = CATCH_UP_AFTER_S;
    expect(at(started + CATCH_UP_TURN_S * 0.2) / head).toBeLessThan(0.2);
    expect(at(started + CATCH_UP_TURN_S / 2) / head).toBeCloseTo(0.5, 1);
    expect(at(started + CATCH_UP_TURN_S + 0.05)).toBeCloseTo(head, 6);
    // Never overshooting.
    for (const yaw of yaws) expect(yaw).toBeLessThanOrEqual(head + 1e-9);
    expect(last(yaws)).toBeCloseTo(head, 9);
  });

  it("is dragged round at once rather than let the head twist past the neck's limit", () => {
    const yaws = run(still(() => -120 * DEG), 1 / 60);
    expect(yaws[0]).toBeCloseTo(-120 * DEG + MAX_TWIST, 9);
  });

  it("turns the short way across ±180°", () => {
    const yaws = run(still((t) => (170 + 40 * Math.min(1, t)) * DEG), 2, 60, 170 * DEG);
    for (const yaw of yaws) expect(Math.abs(wrapAngle(yaw - 170 * DEG))).toBeLessThanOrEqual(40 * DEG + 1e-9);
    // 40° is within the range: it held.
    expect(last(yaws)).toBeCloseTo(170 * DEG, 9);
  });

  it("faces the way it walks when the head looks a little aside", () => {
    // Walking at 1.2 m/s along 30° while looking straight ahead (0).
    const path = 30 * DEG;
    const yaws = run((t) => ({ yaw: 0, x: Math.sin(path) * 1.2 * t, z: Math.cos(path) * 1.2 * t }), 2);
    expect(last(yaws)).toBeCloseTo(path, 3);
  });

  it("walking sideways, turns towards the path no further than the comfortable range from the head", () => {
    const yaws = run((t) => ({ yaw: 0, x: 1.0 * t, z: 0 }), 2);
    expect(last(yaws)).toBeCloseTo(COMFORT_YAW, 3);
  });

  it("walking backwards, faces away from the path (where the head looks)", () => {
    const yaws = run((t) => ({ yaw: 0.3, x: -Math.sin(0.3) * t, z: -Math.cos(0.3) * t }), 2);
    expect(last(yaws)).toBeCloseTo(0.3, 3);
  });

  it("does not take a sway of the head's position for a walk, nor a teleport", () => {
    const sway: Motion = (t) => ({ yaw: 40 * DEG, x: 0.05 * Math.sin(t * 4), z: 0 });
    for (const yaw of run(sway, 3)) expect(yaw).toBe(0);
    const jump: Motion = (t) => ({ yaw: 40 * DEG, x: t < 0.5 ? 0 : 6, z: 0 });
    for (const yaw of run(jump, 2)) expect(yaw).toBe(0);
  });

  it("turns with a snap turn at once, keeping its twist from the head, where without it the body would stay behind", () => {
    const facing = new BodyFacing();
    facing.reset(0, 0, 0);
    // The head looks 20° left of the body; the world snaps 30° round the person (to the right).
    facing.update(20 * DEG, 0, 0, 1 / 60);
    const dragged = new BodyFacing();
    dragged.reset(0, 0, 0);
    dragged.update(20 * DEG, 0, 0, 1 / 60);
    facing.jump(-30 * DEG, 0, 0);
    for (let i = 0; i < 120; i++) {
      expect(facing.update(-10 * DEG, 0, 0, 1 / 60)).toBeCloseTo(-30 * DEG, 10);
      dragged.update(-10 * DEG, 0, 0, 1 / 60);
    }
    expect(dragged.yaw).toBe(0);
  });

  it("carries a catch-up turn under way round with a snap turn", () => {
    const facing = new BodyFacing();
    facing.reset(0, 0, 0);
    let t = 0;
    // Head past the comfortable range: the catch-up turn starts after CATCH_UP_AFTER_S.
    while (t < CATCH_UP_AFTER_S + CATCH_UP_TURN_S / 2) {
      facing.update(70 * DEG, 0, 0, 1 / 60);
      t += 1 / 60;
    }
    const midway = facing.yaw;
    expect(midway).toBeGreaterThan(10 * DEG);
    expect(midway).toBeLessThan(60 * DEG);
    facing.jump(-30 * DEG, 0, 0);
    expect(facing.yaw).toBeCloseTo(midway - 30 * DEG, 10);
    // The turn goes on from there, smoothly: no lurch back towards where it started.
    expect(Math.abs(facing.update(40 * DEG, 0, 0, 1 / 60) - (midway - 30 * DEG))).toBeLessThan(6 * DEG);
    for (let i = 0; i < 60; i++) facing.update(40 * DEG, 0, 0, 1 / 60);
    expect(facing.yaw).toBeCloseTo(40 * DEG, 6);
  });

  it("takes a short teleport for no walk once told of the jump", () => {
    const start = () => {
      const facing = new BodyFacing();
      facing.reset(0, 0, 0);
      facing.update(30 * DEG, 0, 0, 1 / 60);
      return facing;
    };
    // One metre sideways in one frame: a 60 m/s "walk" unless it was a jump.
    const told = start();
    told.jump(0, 1, 0);
    const untold = start();
    for (let i = 0; i < 30; i++) {
      told.update(30 * DEG, 1, 0, 1 / 60);
      untold.update(30 * DEG, 1, 0, 1 / 60);
    }
    expect(told.yaw).toBe(0);
    expect(untold.yaw).toBeGreaterThan(30 * DEG);
  });

  it("gives the same turns at 30, 60, 90 and 144 updates a second", () => {
    // Looks round to 100° over a second, stands, then walks off along 30°, 70° from where it looks.
    const motion: Motion = (t) => {
      const walk = Math.max(0, t - 2);
      return { yaw: Math.min(1, t) * 100 * DEG, x: Math.sin(30 * DEG) * walk, z: Math.cos(30 * DEG) * walk };
    };
    const checkpoints = [0.5, 1, 1.5, 2, 2.5, 3.5];
    const sampled = (hz: number): number[] => {
      const yaws = run(motion, 3.5, hz);
      return checkpoints.map((t) => yaws[Math.round(t * hz) - 1]!);
    };
    const reference = sampled(60);
    for (const hz of [30, 90, 144]) {
      sampled(hz).forEach((yaw, i) => expect(Math.abs(wrapAngle(yaw - reference[i]!)), `${hz} Hz at ${checkpoints[i]} s`).toBeLessThan(4 * DEG));
    }
    // The body ended up facing the path, within the head's comfortable range.
    expect(Math.abs(wrapAngle(last(run(motion, 5)) - 100 * DEG))).toBeCloseTo(COMFORT_YAW, 2);
  });

  it("is deterministic, and ignores an update with no time passed", () => {
    const motion: Motion = (t) => ({ yaw: Math.sin(t * 3), x: t * 0.8, z: Math.sin(t) });
    expect(run(motion, 2)).toEqual(run(motion, 2));
    const facing = new BodyFacing();
    facing.reset(0, 0, 0);
    expect(facing.update(2, 5, 5, 0)).toBe(0);
    expect(facing.update(2, 5, 5, Number.NaN)).toBe(0);
  });
});
