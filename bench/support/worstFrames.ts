import type { FrameSample } from "./frameRecord";
import type { BetweenFrames } from "./pageInstruments";

/** A slow frame taken apart: what its JS time was made of, and what ran on the page's thread just before it. */
export interface WorstFrame {
  jsMs: number;
  /** Each update stage's JS time (ms), avatar updates split out of the draw stage. */
  partsMs: Record<string, number>;
  avatarsUpdated: number;
  slowestAvatarMs: number;
  /** KB the heap shrank by during the frame: a garbage collection ran inside it (null: not reported). */
  gcFreedKb: number | null;
  /** Since the previous frame began: React commits (by renderer) and WebSocket messages handled, with their handlers' time. */
  before: { reactCommits: Record<string, number>; messages: number; messageMs: number };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The `count` frames with the most JS time, slowest first; `frames` in the order they ran. */
export function worstFrames(frames: readonly FrameSample[], between: BetweenFrames, count = 5): WorstFrame[] {
  const order = frames.map((_, i) => i).sort((a, b) => frames[b]!.jsMs - frames[a]!.jsMs);
  return order.slice(0, count).map((i) => {
    const frame = frames[i]!;
    const from = i > 0 ? frames[i - 1]!.startedAt : Number.NEGATIVE_INFINITY;
    const inGap = (at: number) => at > from && at <= frame.startedAt;
    const reactCommits: Record<string, number> = {};
    for (const commit of between.commits) if (inGap(commit.at)) reactCommits[commit.renderer] = (reactCommits[commit.renderer] ?? 0) + 1;
    let messages = 0;
    let messageMs = 0;
    for (const message of between.messages) {
      if (!inGap(message.at)) continue;
      messages++;
      messageMs += message.ms;
    }
    const { draw, ...stages } = frame.stageMs;
    const partsMs: Record<string, number> = {};
    for (const [stage, ms] of Object.entries(stages)) partsMs[stage] = round(ms);
    partsMs.drawAvatarsCompanions = round(frame.companionAvatarMs);
    partsMs.drawAvatarsPeople = round(frame.avatarMs - frame.companionAvatarMs);
    partsMs.drawOther = round(draw - frame.avatarMs);
    return {
      jsMs: round(frame.jsMs),
      partsMs,
      avatarsUpdated: frame.avatarsUpdated,
      slowestAvatarMs: round(frame.slowestAvatarMs),
      gcFreedKb: frame.heapDropKb === null ? null : Math.round(frame.heapDropKb),
      before: { reactCommits, messages, messageMs: round(messageMs) },
    };
  });
}
