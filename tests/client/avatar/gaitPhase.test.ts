import { describe, expect, it } from "vitest";
import { GaitPhase } from "../../../client/avatar/motion/gaitPhase";

const DT = 1 / 60;

/** Moves at `speed` for `seconds`, turning at `yawRate` (rad/s) from where the last walk ended. */
function walk(gait: GaitPhase, speed: number, seconds: number, yawRate = 0, body = { speed: 0, yaw: 0 }): void {
  body.speed = speed;
  for (let t = 0; t < seconds - 1e-9; t += DT) {
    body.yaw += yawRate * DT;
    gait.update(DT, body);
  }
}

describe("GaitPhase", () => {
  it("advances the step cycle by distance over cycle length, so feet don't slide", () => {
    const gait = new GaitPhase(0.9);
    walk(gait, 1.4, 3);
    expect(gait.cycles).toBeCloseTo((1.4 * 3) / gait.cycleLength(1.4), 3);
    const short = new GaitPhase(0.9);
    walk(short, 1.4, 1.5);
    expect(gait.cycles / short.cycles).toBeCloseTo(2, 2);
  });

  it("takes longer strides when faster, and scales them with the hips' height", () => {
    const gait = new GaitPhase(0.9);
    expect(gait.cycleLength(4)).toBeGreaterThan(gait.cycleLength(1));
    expect(new GaitPhase(0.45).cycleLength(1)).toBeCloseTo(gait.cycleLength(1) / 2, 6);
  });

  it("reaches as far as the stride needs: a planted foot passes under the hips as the body moves on", () => {
    const gait = new GaitPhase(0.9);
    walk(gait, 1.4, 1);
    expect(2 * 0.9 * gait.reach).toBeCloseTo(gait.stance * gait.cycleLength(1.4), 6);
  });

  it("moves a planted foot back at a constant rate, and lifts it only while it swings forward", () => {
    const gait = new GaitPhase(0.9);
    walk(gait, 1.4, 0.1);
    const foot = { forward: 0, lift: 0 };
    const samples = Array.from({ length: 100 }, (_, i) => {
      gait.foot(i / 100, foot);
      return { ...foot };
    });
    const planted = samples.filter((s) => s.lift === 0);
    expect(planted.length / samples.length).toBeCloseTo(gait.stance, 1);
    const steps = planted.slice(1).map((s, i) => s.forward - planted[i]!.forward);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 9);
    expect(steps[0]).toBeLessThan(0);
    expect(Math.max(...samples.map((s) => s.lift))).toBeGreaterThan(0.99);
  });

  it("blends idle, walk and run by speed", () => {
    const gait = new GaitPhase();
    walk(gait, 0, 0.1);
    expect([gait.walk, gait.run]).toEqual([0, 0]);
    walk(gait, 1.4, 0.1);
    expect(gait.walk).toBe(1);
    expect(gait.run).toBe(0);
    walk(gait, 5.5, 0.1);
    expect(gait.run).toBe(1);
  });

  it("stands still at speed zero and steps when turning on the spot", () => {
    const still = new GaitPhase();
    walk(still, 0, 2);
    expect(still.cycles).toBe(0);
    const turning = new GaitPhase();
    walk(turning, 0, 1, 2.5);
    expect(turning.turn).toBeGreaterThan(0.5);
    expect(turning.cycles).toBeGreaterThan(0.2);
    expect(turning.reach).toBeGreaterThan(0);
  });

  it("turns by the shortest way across ±π, and sees no turn in its first update or after forgetting", () => {
    const gait = new GaitPhase();
    const body = { speed: 0, yaw: Math.PI - 0.01 };
    gait.update(DT, body);
    expect(gait.turn).toBe(0);
    // Crossing from +π to −π is a turn of 0.02 rad in the frame (1.2 rad/s), not of 2π.
    body.yaw = -Math.PI + 0.01;
    gait.update(DT, body);
    const crossing = gait.turn;
    expect(crossing).toBeGreaterThan(0.5);
    expect(crossing).toBeLessThan(1);
    gait.forgetTurn();
    body.yaw = 1;
    gait.update(DT, body);
    expect(gait.turn).toBe(0);
  });
});
