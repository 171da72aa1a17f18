import { describe, expect, it } from "vitest";
import { EmotionBlender, FACIAL_EMOTIONS } from "../../../client/avatar/expressions/emotionBlender";

const DT = 1 / 60;

function run(blender: EmotionBlender, seconds: number, speaking: boolean, each?: () => void): void {
  for (let t = 0; t < seconds; t += DT) {
    blender.update(DT, speaking);
    each?.();
  }
}

describe("EmotionBlender", () => {
  it("eases an emotion in within about a quarter second", () => {
    const blender = new EmotionBlender();
    blender.set("happy");
    run(blender, 0.1, false);
    const early = blender.weights.happy;
    run(blender, 0.2, false);
    expect(early).toBeGreaterThan(0.3);
    expect(early).toBeLessThan(0.9);
    expect(blender.weights.happy).toBeGreaterThan(0.9);
  });

  it("holds the emotion while the companion speaks, then decays to neutral within two seconds", () => {
    const blender = new EmotionBlender();
    blender.set("sad");
    run(blender, 5, true);
    expect(blender.weights.sad).toBeGreaterThan(0.95);
    run(blender, 0.5, false);
    expect(blender.weights.sad).toBeLessThan(0.6);
    expect(blender.weights.sad).toBeGreaterThan(0.1);
    run(blender, 1.5, false);
    expect(blender.weights.sad).toBeLessThan(0.05);
    expect(blender.current).toBeNull();
  });

  it("shows an emotion at least a moment even when nothing is said", () => {
    const blender = new EmotionBlender();
    blender.set("surprised");
    run(blender, 1.2, false);
    expect(blender.weights.surprised).toBeGreaterThan(0.95);
    run(blender, 2.5, false);
    expect(blender.weights.surprised).toBeLessThan(0.05);
  });

  it("never lets two emotions sum above one when switching", () => {
    const blender = new EmotionBlender();
    blender.set("happy");
    run(blender, 1, true);
    blender.set("angry");
    let worstOverlap = 0;
    run(blender, 1, true, () => {
      const sum = FACIAL_EMOTIONS.reduce((s, e) => s + blender.weights[e], 0);
      expect(sum).toBeLessThanOrEqual(1 + 1e-9);
      worstOverlap = Math.max(worstOverlap, Math.min(blender.weights.happy, blender.weights.angry));
    });
    expect(worstOverlap).toBeLessThan(0.55);
    expect(blender.weights.angry).toBeGreaterThan(0.95);
    expect(blender.weights.happy).toBeLessThan(0.05);
  });

  it("neutral lets the current emotion go", () => {
    const blender = new EmotionBlender();
    blender.set("relaxed");
    run(blender, 1, true);
    blender.set("neutral");
    run(blender, 2, true);
    expect(blender.weights.relaxed).toBeLessThan(0.05);
  });
});
