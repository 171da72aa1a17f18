import { describe, expect, it } from "vitest";
import { holdToChunkEnd } from "../../../../client/voice/playback/chunkTimeline";
import { TimelinePlayer } from "../../../../client/avatar/lipSync/timelinePlayer";
import { emptyVisemeWeights } from "../../../../client/avatar/lipSync/visemes";
import type { VisemeCue } from "../../../../shared/speech";

const cues: VisemeCue[] = [
  { time: 0, viseme: "oh", weight: 0.8 },
  { time: 0.2, viseme: "aa", weight: 1 },
];

describe("a chunk's mouth timeline", () => {
  it("holds the last shape until the chunk's audio ends", () => {
    expect(holdToChunkEnd(cues, 0.5)).toEqual([...cues, { time: 0.5, viseme: "aa", weight: 1 }]);
    expect(cues).toHaveLength(2);
  });

  it("keeps the mouth open to the chunk's end when played, where the bare cues would shut it", () => {
    const weights = emptyVisemeWeights();
    let now = 0.4;
    const bare = new TimelinePlayer();
    bare.play(cues, () => now);
    bare.sample(weights);
    expect(weights.aa).toBe(0);
    const held = new TimelinePlayer();
    held.play(holdToChunkEnd(cues, 0.5), () => now);
    held.sample(weights);
    expect(weights.aa).toBe(1);
    now = 0.5;
    held.sample(weights);
    expect(held.playing).toBe(false);
  });

  it("never moves a cue that lies past the audio's end earlier, and leaves an empty timeline empty", () => {
    expect(holdToChunkEnd([{ time: 0.6, viseme: "ih", weight: 0 }], 0.5).at(-1)).toEqual({ time: 0.6, viseme: "ih", weight: 0 });
    expect(holdToChunkEnd([], 0.5)).toEqual([]);
  });
});
