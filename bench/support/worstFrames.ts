import type { FrameSample } from "./frameRecord";
import { tracedFrameAt, type FrameThreadTime } from "./frameThreadTime";
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
  /**
   * The same frame in Chrome's trace (null: not traced): wall and main-thread CPU time of its JS
   * (ms), the difference (the thread was not running: preempted or waiting), and the other
   * threads that ran most meanwhile (CPU ms).
   */
  thread: { wallMs: number; cpuMs: number; notRunningMs: number; busiestOtherThreads: Record<string, number> } | null;
}

/** How many of the other threads that ran during a slow frame are named. */
const OTHER_THREADS_NAMED = 3;

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The `count` frames with the most JS time, slowest first; `frames` in the order they ran. */
export function worstFrames(frames: readonly FrameSample[], between: BetweenFrames, count = 5, traced: readonly FrameThreadTime[] = []): WorstFrame[] {
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
      thread: threadTime(tracedFrameAt(traced, frame.startedAt)),
    };
  });
}

function threadTime(traced: FrameThreadTime | undefined): WorstFrame["thread"] {
  if (!traced) return null;
  const busiest = Object.entries(traced.otherThreadsCpuMs)
    .sort(([, a], [, b]) => b - a)
    .slice(0, OTHER_THREADS_NAMED);
  return {
    wallMs: round(traced.wallMs),
    cpuMs: round(traced.cpuMs),
    notRunningMs: round(traced.wallMs - traced.cpuMs),
    busiestOtherThreads: Object.fromEntries(busiest.map(([name, ms]) => [name, round(ms)])),
  };
}
