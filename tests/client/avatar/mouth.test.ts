import { describe, expect, it } from "vitest";
import { Mouth } from "../../../client/avatar/lipSync/mouth";
import { textToVisemeTimeline } from "../../../client/avatar/lipSync/textTimeline";
import { VISEMES } from "../../../client/avatar/lipSync/visemes";

const DT = 1 / 60;
const open = (m: Mouth) => Math.max(...VISEMES.map((v) => m.weights[v]));

describe("Mouth", () => {
  it("moves through visemes while text is said and closes after", () => {
    const mouth = new Mouth();
    const cues = textToVisemeTimeline("Hello there, how are you?");
    mouth.playText(cues);
    const seen = new Set<string>();
    let maxOpen = 0;
    for (let t = 0; t < cues.at(-1)!.time - DT; t += DT) {
      mouth.update(DT);
      expect(mouth.speaking).toBe(true);
      maxOpen = Math.max(maxOpen, open(mouth));
      for (const v of VISEMES) if (mouth.weights[v] > 0.5) seen.add(v);
    }
    expect(maxOpen).toBeGreaterThan(0.8);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (let t = 0; t < 0.3; t += DT) mouth.update(DT);
    expect(mouth.speaking).toBe(false);
    expect(open(mouth)).toBeLessThan(0.01);
  });

  it("opens with the audio amplitude and closes when it stops coming", () => {
    const mouth = new Mouth();
    for (let t = 0; t < 0.3; t += DT) {
      mouth.setAmplitude(0.9);
      mouth.update(DT);
    }
    expect(mouth.weights.aa).toBeGreaterThan(0.6);
    expect(mouth.weights.oh).toBeGreaterThan(0.2);
    for (let t = 0; t < 0.6; t += DT) mouth.update(DT);
    expect(open(mouth)).toBeLessThan(0.01);
  });

  it("closes at once when told to stop", () => {
    const mouth = new Mouth();
    mouth.playText(textToVisemeTimeline("aaaaaaaaaaaaaaaa"));
    for (let t = 0; t < 0.3; t += DT) mouth.update(DT);
    expect(mouth.weights.aa).toBeGreaterThan(0.9);
    mouth.stop();
    for (let t = 0; t < 0.2; t += DT) mouth.update(DT);
    expect(open(mouth)).toBeLessThan(0.01);
  });

  it("rejects an amplitude that is not a number", () => {
    expect(() => new Mouth().setAmplitude(Number.NaN)).toThrow(/amplitude/);
  });
});
