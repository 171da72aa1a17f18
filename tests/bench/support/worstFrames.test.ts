import { describe, expect, it } from "vitest";
import { FRAME_STAGES, type FrameStage } from "../../../client/automation/frameLedger";
import type { FrameSample } from "../../../bench/support/frameRecord";
import { worstFrames } from "../../../bench/support/worstFrames";

function frame(startedAt: number, jsMs: number, extra: Partial<FrameSample> = {}): FrameSample {
  const stageMs = Object.fromEntries(FRAME_STAGES.map((stage) => [stage, 0])) as Record<FrameStage, number>;
  stageMs.draw = jsMs;
  return { startedAt, jsMs, avatarMs: 0, companionAvatarMs: 0, avatarsUpdated: 0, slowestAvatarMs: 0, heapDropKb: 0, stageMs, ...extra };
}

describe("the slowest frames taken apart", () => {
  it("lists the slowest frames first, with avatar updates split out of the draw stage", () => {
    const slow = frame(2000, 9, { avatarMs: 6, companionAvatarMs: 4, avatarsUpdated: 20, slowestAvatarMs: 1.5, heapDropKb: 2048.4 });
    slow.stageMs.draw = 7;
    slow.stageMs.labels = 2;
    const frames = [frame(0, 3), frame(1000, 5), slow, frame(3000, 2)];
    const worst = worstFrames(frames, { commits: [], messages: [] }, 2);
    expect(worst.map((w) => w.jsMs)).toEqual([9, 5]);
    expect(worst[0]).toMatchObject({
      avatarsUpdated: 20,
      slowestAvatarMs: 1.5,
      gcFreedKb: 2048,
      partsMs: { drawAvatarsCompanions: 4, drawAvatarsPeople: 2, drawOther: 1, labels: 2, simulate: 0 },
    });
    expect(worst[0]!.partsMs).not.toHaveProperty("draw");
  });

  it("counts the commits and room messages handled since the previous frame began, by renderer", () => {
    const frames = [frame(1000, 2), frame(2000, 8), frame(3000, 1)];
    const between = {
      commits: [
        { at: 900, renderer: "react-dom" },
        { at: 1500, renderer: "react-dom" },
        { at: 1600, renderer: "@react-three/fiber" },
        { at: 1700, renderer: "react-dom" },
        { at: 2500, renderer: "react-dom" },
      ],
      messages: [
        { at: 1200, ms: 0.5 },
        { at: 1999, ms: 1.25 },
        { at: 2001, ms: 7 },
      ],
    };
    const [worst] = worstFrames(frames, between, 1);
    expect(worst!.before).toEqual({ reactCommits: { "react-dom": 2, "@react-three/fiber": 1 }, messages: 2, messageMs: 1.75 });
  });

  it("says so when the browser reports no heap", () => {
    const [worst] = worstFrames([frame(0, 4, { heapDropKb: null })], { commits: [], messages: [] });
    expect(worst!.gcFreedKb).toBeNull();
  });
});

describe("a slow frame's thread time", () => {
  it("shows the traced wall and CPU time, the time the thread did not run and who ran most meanwhile", () => {
    const traced = [{ startedAt: 1000.05, wallMs: 7.2, cpuMs: 2.1, otherThreadsCpuMs: { CrGpuMain: 3.333, Compositor: 0.2, VizCompositorThread: 1, IO: 0.01 } }];
    const [worst] = worstFrames([frame(1000, 7)], { commits: [], messages: [] }, 1, traced);
    expect(worst!.thread).toEqual({ wallMs: 7.2, cpuMs: 2.1, notRunningMs: 5.1, busiestOtherThreads: { CrGpuMain: 3.33, VizCompositorThread: 1, Compositor: 0.2 } });
  });

  it("is null for a frame the trace did not hold", () => {
    const [worst] = worstFrames([frame(1000, 7)], { commits: [], messages: [] }, 1, []);
    expect(worst!.thread).toBeNull();
  });
});
