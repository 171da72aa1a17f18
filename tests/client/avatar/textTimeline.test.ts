import { describe, expect, it } from "vitest";
import { DEFAULT_CHARS_PER_SECOND, textToVisemeTimeline } from "../../../client/avatar/lipSync/textTimeline";

describe("textToVisemeTimeline", () => {
  it("opens the mouth in the shape of each vowel, in order and in time", () => {
    const cues = textToVisemeTimeline("Hello");
    const open = cues.filter((c) => c.weight === 1).map((c) => c.viseme);
    expect(open).toEqual(["ee", "oh"]);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.time).toBeGreaterThanOrEqual(cues[i - 1]!.time);
    expect(cues.at(-1)!.weight).toBe(0);
    expect(cues.at(-1)!.time).toBeCloseTo(5 / DEFAULT_CHARS_PER_SECOND, 5);
  });

  it("speaks about 14 characters a second", () => {
    const text = "the quick brown fox jumps over the lazy dog ".repeat(4).trim();
    const end = textToVisemeTimeline(text).at(-1)!.time;
    const letters = text.replace(/\s/g, "").length;
    const spaces = text.length - letters;
    expect(end).toBeCloseTo((letters + spaces * 0.5) / DEFAULT_CHARS_PER_SECOND, 5);
  });

  it("pauses with the mouth closed at punctuation, longer at a full stop", () => {
    const comma = textToVisemeTimeline("ah, ah").at(-1)!.time;
    const stop = textToVisemeTimeline("ah. ah").at(-1)!.time;
    const none = textToVisemeTimeline("ah ah").at(-1)!.time;
    expect(comma - none).toBeGreaterThan(0.15);
    expect(stop - comma).toBeGreaterThan(0.15);
    const cues = textToVisemeTimeline("ah. ah");
    const pause = cues.find((c, i) => i > 0 && cues[i + 1] && cues[i + 1]!.time - c.time > 0.3);
    expect(pause?.weight).toBe(0);
  });

  it("closes the lips for m, b and p", () => {
    const cues = textToVisemeTimeline("mama");
    expect(cues.map((c) => c.weight)).toEqual([0, 1, 0, 1, 0]);
  });

  it("moves the mouth for scripts without Latin vowels and for accented letters", () => {
    expect(textToVisemeTimeline("こんにちは").filter((c) => c.weight > 0.5).length).toBe(5);
    expect(textToVisemeTimeline("é").filter((c) => c.viseme === "ee" && c.weight === 1)).toHaveLength(1);
  });

  it("rejects a non-positive rate", () => {
    expect(() => textToVisemeTimeline("hi", 0)).toThrow(/charsPerSecond/);
  });
});
