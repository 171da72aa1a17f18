import { describe, expect, it } from "vitest";
import { InterpolationBuffer, type PoseSample } from "../../client/people/interpolation";

const out = (): PoseSample => ({ t: 0, x: 0, y: 0, z: 0, yaw: 0 });

describe("InterpolationBuffer", () => {
  it("blends linearly between the two samples around the asked time", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(1000, 0, 0, 0, 0);
    buffer.push(1100, 1, 0.5, -2, 0);
    const pose = buffer.sample(1025, out());
    expect(pose.x).toBeCloseTo(0.25);
    expect(pose.y).toBeCloseTo(0.125);
    expect(pose.z).toBeCloseTo(-0.5);
  });

  it("holds the newest pose instead of guessing beyond it", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(1000, 0, 0, 0, 0);
    buffer.push(1100, 2, 0, 0, 0);
    expect(buffer.sample(5000, out()).x).toBe(2);
  });

  it("holds the oldest pose for times before it", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(1000, 3, 0, 0, 0);
    buffer.push(1100, 4, 0, 0, 0);
    expect(buffer.sample(10, out()).x).toBe(3);
  });

  it("leaves the output untouched when it has no samples", () => {
    const buffer = new InterpolationBuffer();
    const pose = out();
    pose.x = 7;
    expect(buffer.sample(100, pose).x).toBe(7);
  });

  it("turns the short way round when yaw wraps past ±π", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(0, 0, 0, 0, Math.PI - 0.1);
    buffer.push(100, 0, 0, 0, -Math.PI + 0.1);
    const yaw = buffer.sample(50, out()).yaw;
    expect(Math.abs(Math.abs(yaw) - Math.PI)).toBeLessThan(1e-9);
  });

  it("starts a move from rest one interval before its first update, not at the last old sample", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(0, 0, 0, 0, 0);
    // Ten seconds of standing still, then the first step arrives.
    buffer.push(10_000, 1, 0, 0, 0);
    expect(buffer.sample(5_000, out()).x).toBe(0);
    expect(buffer.sample(9_950, out()).x).toBeCloseTo(0.5);
  });

  it("lets a second update at the same instant replace the first", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(100, 1, 0, 0, 0);
    buffer.push(100, 2, 0, 0, 0);
    expect(buffer.size).toBe(1);
    expect(buffer.sample(100, out()).x).toBe(2);
  });

  it("keeps only a bounded history, always the most recent samples", () => {
    const buffer = new InterpolationBuffer();
    for (let i = 0; i < 200; i++) buffer.push(i * 100, i, 0, 0, 0);
    expect(buffer.size).toBeLessThan(50);
    expect(buffer.sample(199 * 100, out()).x).toBe(199);
    expect(buffer.sample(198 * 100 + 50, out()).x).toBeCloseTo(198.5);
  });

  it("after a reset, the next sample is a jump, not a glide from where it was", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(1000, 0, 0, 0, 0);
    buffer.push(1100, 1, 0, 0, 0);
    buffer.reset();
    expect(buffer.size).toBe(0);
    buffer.push(1200, 30, 0, 0, 0);
    expect(buffer.sample(1150, out()).x).toBe(30);
  });

  it("shows a jump (a new jump count) at once at its moment, never passing through the space between", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(1000, 0, 0, 0, 0, 4);
    buffer.push(1100, 0.2, 0, 0, 0, 4);
    buffer.push(1200, 8, 0, 6, 0.5, 5);
    buffer.push(1300, 8.1, 0, 6, 0.5, 5);
    const walked = buffer.sample(1050, out());
    expect(walked).toMatchObject({ x: expect.closeTo(0.1, 6), jumps: 4 });
    for (let t = 1100; t < 1200; t += 5) expect(buffer.sample(t, out())).toMatchObject({ x: 0.2, z: 0, yaw: 0, jumps: 4 });
    expect(buffer.sample(1200, out())).toMatchObject({ x: 8, z: 6, yaw: 0.5, jumps: 5 });
    expect(buffer.sample(1250, out()).x).toBeCloseTo(8.05, 6);
  });

  it("jumps straight from a long rest too, holding the resting place until the jump's moment", () => {
    const buffer = new InterpolationBuffer();
    buffer.push(0, 1, 0, 1, 0, 0);
    buffer.push(10_000, 7, 0, 1, 0, 1);
    expect(buffer.sample(9_990, out())).toMatchObject({ x: 1, jumps: 0 });
    expect(buffer.sample(10_000, out())).toMatchObject({ x: 7, jumps: 1 });
  });
});
