import { describe, expect, it } from "vitest";
import {
  allowedCameraDistance,
  CAMERA_MIN_DISTANCE,
  CAMERA_WALL_MARGIN,
  cameraDirection,
  nextCameraDistance,
} from "../../client/player/cameraCollision";

describe("allowedCameraDistance", () => {
  it("keeps the wanted distance when nothing is in the way", () => {
    expect(allowedCameraDistance(5, null)).toBe(5);
  });

  it("keeps the wanted distance when the hit is beyond it", () => {
    expect(allowedCameraDistance(5, 5 + CAMERA_WALL_MARGIN + 1)).toBe(5);
  });

  it("stops short of a wall by the margin", () => {
    expect(allowedCameraDistance(5, 3)).toBeCloseTo(3 - CAMERA_WALL_MARGIN);
  });

  it("never comes closer than the minimum, even against a wall at the head", () => {
    expect(allowedCameraDistance(5, 0.1)).toBe(CAMERA_MIN_DISTANCE);
  });
});

describe("nextCameraDistance", () => {
  it("pulls in at once when a wall comes between", () => {
    expect(nextCameraDistance(5, 2, 0.016)).toBe(2);
  });

  it("eases back out gradually once the way is clear", () => {
    const next = nextCameraDistance(2, 5, 0.016);
    expect(next).toBeGreaterThan(2);
    expect(next).toBeLessThan(5);
  });

  it("reaches the allowed distance after enough time and never overshoots it", () => {
    let d = 2;
    for (let i = 0; i < 600; i++) d = nextCameraDistance(d, 5, 0.016);
    expect(d).toBeCloseTo(5, 3);
    expect(d).toBeLessThanOrEqual(5);
  });
});

describe("cameraDirection", () => {
  it("puts the camera behind a player facing +Z at yaw 0", () => {
    const dir = cameraDirection(0, 0, { x: 0, y: 0, z: 0 });
    expect(dir.x).toBeCloseTo(0);
    expect(dir.y).toBeCloseTo(0);
    expect(dir.z).toBeCloseTo(-1);
  });

  it("raises the camera with positive pitch and stays a unit vector", () => {
    const dir = cameraDirection(Math.PI / 2, 0.5, { x: 0, y: 0, z: 0 });
    expect(dir.y).toBeGreaterThan(0);
    expect(dir.x).toBeLessThan(0); // facing +X, the camera is on −X
    expect(Math.hypot(dir.x, dir.y, dir.z)).toBeCloseTo(1);
  });
});
