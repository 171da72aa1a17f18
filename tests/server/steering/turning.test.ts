import { describe, expect, it } from "vitest";
import { angleBetween, turnTowards } from "../../../server/steering";

describe("turnTowards", () => {
  it("turns at most maxRate × dt, the short way round", () => {
    expect(turnTowards(0, 1, 2, 0.1)).toBeCloseTo(0.2);
    expect(turnTowards(0, -1, 2, 0.1)).toBeCloseTo(-0.2);
    // From just below +π to just above −π is a small step across the seam, not a full turn.
    expect(turnTowards(3, -3, 2, 0.1)).toBeCloseTo(3.2 - 2 * Math.PI);
  });

  it("arrives exactly and stays", () => {
    expect(turnTowards(0.95, 1, 2, 0.1)).toBe(1);
    expect(turnTowards(1, 1, 2, 0.1)).toBe(1);
  });

  it("measures angles in (−π, π]", () => {
    expect(angleBetween(0, 3 * Math.PI)).toBeCloseTo(Math.PI);
    expect(angleBetween(Math.PI / 2, -Math.PI / 2)).toBeCloseTo(Math.PI);
    expect(angleBetween(-3, 3)).toBeCloseTo(6 - 2 * Math.PI);
  });
});
