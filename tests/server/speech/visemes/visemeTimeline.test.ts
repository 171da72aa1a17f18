import { describe, expect, it } from "vitest";
import type { VisemeCue } from "../../../../shared/speech";
import { sliceCues, visemeTimeline } from "../../../../server/speech";
import { RATE, tones } from "./audio";

const open = (cues: VisemeCue[]) => cues.filter((cue) => cue.weight > 0);

describe("a sentence's viseme timeline", () => {
  it("spans the audio's real duration, in order, ending closed", () => {
    const cues = visemeTimeline({ text: "", phonemes: "hˈɛloʊ ðˈɛɹ" }, tones([1.2, 0.4]), RATE);
    const times = cues.map((cue) => cue.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(0);
    expect(cues.at(-1)).toMatchObject({ time: 1.2, weight: 0 });
    expect(open(cues).length).toBeGreaterThan(4);
  });

  it("stretches with the voice: the same words said four times slower take four times as long", () => {
    const spoken = { text: "", phonemes: "ɡʊd mˈɔːɹnɪŋ" };
    const fast = visemeTimeline(spoken, tones([0.5, 0.4]), RATE);
    const slow = visemeTimeline(spoken, tones([2, 0.4]), RATE);
    expect(slow.map((cue) => cue.viseme)).toEqual(fast.map((cue) => cue.viseme));
    slow.forEach((cue, index) => expect(cue.time).toBeCloseTo(fast[index]!.time * 4, 1));
  });

  it("keeps the mouth closed through the silence before and after the voice", () => {
    const cues = visemeTimeline({ text: "", phonemes: "ɑɑɑ" }, tones([0.3, 0], [0.6, 0.4], [0.4, 0]), RATE);
    expect(cues[0]).toMatchObject({ time: 0, weight: 0 });
    expect(open(cues)[0]!.time).toBeCloseTo(0.3, 2);
    const closing = cues.findLast((cue) => cue.weight === 0)!;
    expect(closing.time).toBeCloseTo(0.9, 2);
    expect(cues.filter((cue) => cue.time > 0.9)).toEqual([]);
  });

  it("closes the mouth in a pause inside the sentence and opens it after", () => {
    const cues = visemeTimeline({ text: "", phonemes: "ɑɑɑɑɑɑɑɑɑɑ" }, tones([0.5, 0.4], [0.2, 0], [0.5, 0.4]), RATE);
    const closedAt = cues.find((cue) => cue.time >= 0.49 && cue.weight === 0);
    expect(closedAt?.time).toBeCloseTo(0.5, 2);
    expect(cues.filter((cue) => cue.time > 0.5 && cue.time < 0.7 && cue.weight > 0)).toEqual([]);
    expect(cues.some((cue) => cue.time >= 0.7 && cue.time < 1.2 && cue.weight > 0)).toBe(true);
  });

  it("opens the mouth wider where the voice is louder", () => {
    const cues = visemeTimeline({ text: "", phonemes: "ɑɑɑɑɑɑɑɑ" }, tones([0.8, 0.08], [0.8, 0.5]), RATE);
    const quiet = open(cues).filter((cue) => cue.time < 0.8);
    const loud = open(cues).filter((cue) => cue.time >= 0.8);
    expect(quiet.length).toBeGreaterThan(0);
    expect(loud.length).toBeGreaterThan(0);
    expect(Math.max(...quiet.map((cue) => cue.weight))).toBeLessThan(Math.min(...loud.map((cue) => cue.weight)));
  });

  it("reads the letters when there are no phonemes: m closes, a opens", () => {
    const cues = visemeTimeline({ text: "Mama.", phonemes: "" }, tones([0.6, 0.4]), RATE);
    expect(cues.map(({ viseme, weight }) => [viseme, weight > 0])).toEqual([
      ["aa", false],
      ["aa", true],
      ["aa", false],
      ["aa", true],
      ["aa", false],
    ]);
  });

  it("is one closed cue for silence", () => {
    expect(visemeTimeline({ text: "Hi.", phonemes: "" }, tones([0.5, 0]), RATE)).toEqual([{ time: 0, viseme: "aa", weight: 0 }]);
  });
});

describe("slicing a timeline for a chunk", () => {
  const cues: VisemeCue[] = [
    { time: 0, viseme: "aa", weight: 0 },
    { time: 0.2, viseme: "oh", weight: 1 },
    { time: 0.6, viseme: "ee", weight: 0.5 },
    { time: 1, viseme: "ee", weight: 0 },
  ];

  it("times the chunk's cues from its start and begins with the shape in effect", () => {
    expect(sliceCues(cues, 0.5, 1)).toEqual([
      { time: 0, viseme: "oh", weight: 1 },
      { time: 0.1, viseme: "ee", weight: 0.5 },
    ]);
    expect(sliceCues(cues, 0, 0.5)).toEqual(cues.slice(0, 2));
    expect(sliceCues(cues, 0.6, Number.POSITIVE_INFINITY)).toEqual([
      { time: 0, viseme: "ee", weight: 0.5 },
      { time: 0.4, viseme: "ee", weight: 0 },
    ]);
  });
});
