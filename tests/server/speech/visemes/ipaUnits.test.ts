import { describe, expect, it } from "vitest";
import { textToVisemeTimeline } from "../../../../shared/speech";
import { ipaUnits, letterUnits } from "../../../../server/speech";

describe("IPA phonemes to mouth shapes", () => {
  it.each([
    ["ɑ", "aa"], ["æ", "aa"], ["ʌ", "aa"], ["ə", "aa"],
    ["i", "ih"], ["ɪ", "ih"], ["ᵻ", "ih"],
    ["e", "ee"], ["ɛ", "ee"],
    ["u", "ou"], ["ʊ", "ou"],
    ["o", "oh"], ["ɔ", "oh"], ["ɒ", "oh"],
  ])("%s opens the mouth as %s", (symbol, viseme) => {
    const [unit] = ipaUnits(symbol);
    expect(unit).toMatchObject({ viseme, length: 1 });
    expect(unit!.weight).toBeGreaterThan(0.5);
  });

  it("closes the lips on m, b and p, nearly on f and v, rounds them on w and the English r", () => {
    expect(ipaUnits("ɑmɑbɑpɑ").map((u) => u.weight)).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect(ipaUnits("f")[0]!.weight).toBeLessThan(0.2);
    expect(ipaUnits("w")[0]!.viseme).toBe("ou");
    expect(ipaUnits("ɹ")[0]!.viseme).toBe("ou");
  });

  it("keeps the shape of the last vowel on other consonants, half open", () => {
    expect(ipaUnits("ot")).toEqual([
      { viseme: "oh", weight: 1, length: 1 },
      { viseme: "oh", weight: 0.35, length: 0.6 },
    ]);
  });

  it("reads kokoro-style phonemes: stress marks take no time, length marks stretch, punctuation pauses", () => {
    const units = ipaUnits("həlˈoʊ wˈɜːld.");
    expect(units.map((u) => u.viseme)).toEqual(["aa", "aa", "aa", "oh", "ou", "ou", "ou", "aa", "aa", "aa", "aa"]);
    expect(units[7]).toMatchObject({ viseme: "aa", length: 1.6 });
    expect(units.at(-1)).toMatchObject({ weight: 0, length: 3 });
    // The space between words leaves the mouth slightly open.
    expect(units[5]).toMatchObject({ weight: 0.15, length: 0.3 });
  });

  it("treats precomposed nasal vowels as their vowel", () => {
    expect(ipaUnits("ɑ̃")).toEqual(ipaUnits("ɑ"));
    expect(ipaUnits("õ")).toEqual(ipaUnits("o"));
  });
});

describe("letters to mouth shapes, when the engine gives no phonemes", () => {
  it("follows the client's text timeline, each cue held until the next", () => {
    const text = "Mama, hello!";
    const cues = textToVisemeTimeline(text);
    const units = letterUnits(text);
    expect(units.map(({ viseme, weight }) => ({ viseme, weight }))).toEqual(cues.map(({ viseme, weight }) => ({ viseme, weight })));
    expect(units.reduce((sum, unit) => sum + unit.length, 0)).toBeCloseTo(cues.at(-1)!.time);
    expect(units[0]!.weight).toBe(0);
    expect(units[1]).toMatchObject({ viseme: "aa", weight: 1 });
  });
});
