import { describe, expect, it } from "vitest";
import { labelLook, type LabelFit } from "../../client/labels/labelScale";

const look = (distance: number, fit: LabelFit) => labelLook(distance, fit, { scale: 0, opacity: 0 });

describe("labelLook", () => {
  const fit: LabelFit = { naturalAt: 6, minScale: 0.6, maxScale: 1.1 };

  it("is drawn at its natural size at the natural distance", () => {
    expect(look(6, fit).scale).toBeCloseTo(1);
  });

  it("shrinks with distance but stays legible", () => {
    expect(look(9, fit).scale).toBeLessThan(1);
    expect(look(500, fit).scale).toBeCloseTo(0.6);
  });

  it("does not fill the screen up close", () => {
    expect(look(0.5, fit).scale).toBeCloseTo(1.1);
    expect(look(0, fit).scale).toBeCloseTo(1.1);
  });

  it("is fully visible without a visibility window", () => {
    expect(look(1000, fit).opacity).toBe(1);
  });

  it("fades in when approaching and out when standing on the spot", () => {
    const windowed: LabelFit = { ...fit, show: { near: 6, far: 16, fade: 3 } };
    expect(look(30, windowed).opacity).toBe(0);
    expect(look(17.5, windowed).opacity).toBeCloseTo(0.5);
    expect(look(10, windowed).opacity).toBe(1);
    expect(look(4.5, windowed).opacity).toBeCloseTo(0.5);
    expect(look(1, windowed).opacity).toBe(0);
  });
});
