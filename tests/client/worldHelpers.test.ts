import { describe, expect, it } from "vitest";
import { Portal } from "../../shared/world";
import { angleDelta, turnTowards, wrapAngle } from "../../client/math/angles";
import { userColor } from "../../client/people/userColor";
import { nearestPortal } from "../../client/ui/nearestPortal";
import { towardsSun } from "../../client/world/sunDirection";

describe("angles", () => {
  it("finds the short way round", () => {
    expect(angleDelta(Math.PI - 0.1, -Math.PI + 0.1)).toBeCloseTo(0.2);
    expect(angleDelta(0.1, -0.1)).toBeCloseTo(-0.2);
    expect(wrapAngle(3 * Math.PI)).toBeCloseTo(Math.PI);
    expect(turnTowards(0, Math.PI / 2, 0.5)).toBeCloseTo(Math.PI / 4);
  });
});

describe("towardsSun", () => {
  it("normalises a vector that points at the sun", () => {
    const v = towardsSun([0, 2, 0]);
    expect(v.toArray()).toEqual([0, 1, 0]);
  });

  it("flips a vector written as the light's travel direction", () => {
    const v = towardsSun([1, -1, 0]);
    expect(v.y).toBeGreaterThan(0);
    expect(v.x).toBeLessThan(0);
    expect(v.length()).toBeCloseTo(1);
  });

  it("keeps the sun above the horizon", () => {
    expect(towardsSun([1, 0, 0]).y).toBeGreaterThan(0.1);
    expect(towardsSun([0, 0, 0]).y).toBeGreaterThan(0.1);
  });
});

describe("nearestPortal", () => {
  const portal = (id: string, x: number) =>
    Portal.parse({ id, to: "garden", arriveAt: "back", label: id, position: [x, 0, 0], exit: { position: [x, 0, 4] } });
  const portals = [portal("far", 20), portal("near", 5)];

  it("picks the closest portal in range", () => {
    expect(nearestPortal(portals, 0, 0, 30)?.id).toBe("near");
    expect(nearestPortal(portals, 18, 0, 30)?.id).toBe("far");
  });

  it("finds none when all are out of range", () => {
    expect(nearestPortal(portals, 0, 0, 4)).toBeNull();
  });
});

describe("userColor", () => {
  it("is stable for a user and differs between users", () => {
    expect(userColor("user-a")).toBe(userColor("user-a"));
    const colours = new Set(["a", "b", "c", "d", "e", "f"].map((id) => userColor(`user-${id}`)));
    expect(colours.size).toBeGreaterThan(3);
    expect(userColor("x")).toMatch(/^hsl\(\d+, \d+%, \d+%\)$/);
  });
});
