import { describe, expect, it } from "vitest";
import { VISEMES } from "../../../client/avatar";
import { drivenPreset } from "./support/presetAvatar";

const mouthOpen = (w: Readonly<Record<string, number>>) => Math.max(...VISEMES.map((v) => w[v] ?? 0));

describe("avatar driver on a generated preset: face", () => {
  it("raises the emotion's expression on the model, then lets it decay to neutral", async () => {
    const a = await drivenPreset();
    expect(a.driver.loaded).toBe(true);
    a.driver.setEmotion("happy");
    a.run(0.4);
    expect(a.driver.expressionWeights.happy).toBeGreaterThan(0.9);
    expect(a.vrm.expressionManager!.getValue("happy")).toBeGreaterThan(0.9);
    expect(a.driver.expressionWeights.sad).toBe(0);
    a.run(4);
    expect(a.vrm.expressionManager!.getValue("happy")).toBeLessThan(0.05);
  });

  it("never has two emotions at full weight when one follows another", async () => {
    const a = await drivenPreset();
    a.driver.setEmotion("angry");
    a.run(0.5);
    a.driver.setEmotion("surprised");
    a.run(1.5, () => {
      const w = a.driver.expressionWeights;
      expect((w.angry ?? 0) + (w.surprised ?? 0)).toBeLessThanOrEqual(1 + 1e-9);
    });
    expect(a.driver.expressionWeights.surprised).toBeGreaterThan(0.9);
  });

  it("blinks on its own, but not while a full smile overrides blinking", async () => {
    const a = await drivenPreset();
    let maxBlink = 0;
    a.run(15, () => (maxBlink = Math.max(maxBlink, a.driver.expressionWeights.blink ?? 0)));
    expect(maxBlink).toBeGreaterThan(0.9);

    expect(a.vrm.expressionManager!.getExpression("happy")!.overrideBlink).not.toBe("none");
    a.driver.setEmotion("happy");
    a.driver.speakText("I am so glad to see you again, it has been a while, tell me everything! ".repeat(3));
    a.run(0.5);
    maxBlink = 0;
    a.run(12, () => (maxBlink = Math.max(maxBlink, a.driver.expressionWeights.blink ?? 0)));
    expect(a.driver.expressionWeights.happy).toBeGreaterThan(0.9);
    expect(maxBlink).toBe(0);
  });

  it("moves the mouth through visemes while text is said, and closes it after", async () => {
    const a = await drivenPreset();
    a.driver.speakText("Hello there, nice to see you.");
    let maxOpen = 0;
    const shapes = new Set<string>();
    a.run(2, () => {
      maxOpen = Math.max(maxOpen, mouthOpen(a.driver.expressionWeights));
      for (const v of VISEMES) if ((a.vrm.expressionManager!.getValue(v) ?? 0) > 0.4) shapes.add(v);
    });
    expect(maxOpen).toBeGreaterThan(0.8);
    expect(shapes.size).toBeGreaterThanOrEqual(3);
    a.run(1);
    expect(a.driver.speaking).toBe(false);
    expect(mouthOpen(a.driver.expressionWeights)).toBeLessThan(0.01);
  });

  it("follows an audio clock and closes when told to stop", async () => {
    const a = await drivenPreset();
    let audio = 0;
    a.driver.speakTimeline(
      [
        { time: 0, viseme: "oh", weight: 1 },
        { time: 5, viseme: "oh", weight: 0 },
      ],
      () => audio,
    );
    a.run(0.3, () => (audio += 1 / 60));
    expect(a.vrm.expressionManager!.getValue("oh")).toBeGreaterThan(0.9);
    a.driver.stopSpeaking();
    a.run(0.3);
    expect(mouthOpen(a.driver.expressionWeights)).toBeLessThan(0.01);
  });

  it("rejects an unknown emotion and keeps its face", async () => {
    const a = await drivenPreset();
    a.driver.setEmotion("sad");
    a.run(0.5);
    expect(() => a.driver.setEmotion("smug" as never)).toThrow(/unknown emotion "smug"/);
    a.run(0.2);
    expect(a.driver.expressionWeights.sad).toBeGreaterThan(0.9);
  });
});
