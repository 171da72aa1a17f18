import { describe, expect, it } from "vitest";
import { TimelinePlayer } from "../../../client/avatar/lipSync/timelinePlayer";
import { emptyVisemeWeights, type VisemeCue } from "../../../client/avatar/lipSync/visemes";

const CUES: VisemeCue[] = [
  { time: 0.5, viseme: "aa", weight: 1 },
  { time: 1.0, viseme: "oh", weight: 0.8 },
  { time: 1.5, viseme: "oh", weight: 0 },
];

function at(player: TimelinePlayer, clock: { now: number }, now: number) {
  clock.now = now;
  const out = emptyVisemeWeights();
  player.sample(out);
  return out;
}

describe("TimelinePlayer", () => {
  it("shows each cue's shape from its time, following the audio clock", () => {
    const clock = { now: 0 };
    const player = new TimelinePlayer();
    player.play(CUES, () => clock.now);
    expect(at(player, clock, 0.2)).toEqual(emptyVisemeWeights());
    expect(at(player, clock, 0.6)).toMatchObject({ aa: 1, oh: 0 });
    expect(at(player, clock, 1.2)).toMatchObject({ aa: 0, oh: 0.8 });
    expect(player.playing).toBe(true);
  });

  it("blends into the next shape just before it starts", () => {
    const clock = { now: 0 };
    const player = new TimelinePlayer();
    player.play(CUES, () => clock.now);
    const w = at(player, clock, 0.96);
    expect(w.aa).toBeGreaterThan(0);
    expect(w.aa).toBeLessThan(1);
    expect(w.oh).toBeGreaterThan(0);
  });

  it("follows the clock backwards (a replayed chunk) and stops after the last cue", () => {
    const clock = { now: 0 };
    const player = new TimelinePlayer();
    player.play(CUES, () => clock.now);
    at(player, clock, 1.2);
    expect(at(player, clock, 0.6)).toMatchObject({ aa: 1 });
    expect(at(player, clock, 1.6)).toEqual(emptyVisemeWeights());
    expect(player.playing).toBe(false);
  });

  it("rejects cues out of order and keeps playing what it had", () => {
    const clock = { now: 0.6 };
    const player = new TimelinePlayer();
    player.play(CUES, () => clock.now);
    expect(() => player.play([CUES[1]!, CUES[0]!], () => 0)).toThrow(/earlier/);
    expect(at(player, clock, 0.6)).toMatchObject({ aa: 1 });
  });
});
