import { describe, expect, it } from "vitest";
import { FRAME_TRACE_MARKS } from "../../../client/automation/frameLedger";
import { CLOCK_MARK, frameThreadTimes, tracedFrameAt, type TraceEvent } from "../../../bench/support/frameThreadTime";

const PAGE = { pid: 10, tid: 10 };
const GPU = { pid: 20, tid: 21 };

/** The page's clock reads 1000 ms when the trace's clock reads 5 000 000 µs. */
const clock: TraceEvent = { name: CLOCK_MARK, cat: "blink.user_timing", ph: "I", ...PAGE, ts: 5_000_000, tts: 100, args: { data: { startTime: 1000 } } };

function mark(message: string, ts: number, tts: number | undefined, thread = PAGE): TraceEvent {
  return { name: "TimeStamp", cat: "devtools.timeline", ph: "I", ...thread, ts, tts, args: { data: { message } } };
}

const names: TraceEvent[] = [
  { name: "thread_name", ph: "M", ...PAGE, ts: 0, args: { name: "CrRendererMain" } },
  { name: "thread_name", ph: "M", ...GPU, ts: 0, args: { name: "CrGpuMain" } },
  { name: "process_name", ph: "M", ...GPU, ts: 0, args: { name: "GPU Process" } },
];

describe("frames' thread time from a Chrome trace", () => {
  it("gives each marked frame its wall and main-thread CPU time, on the page's clock", () => {
    const events = [
      ...names,
      clock,
      mark(FRAME_TRACE_MARKS.begin, 5_010_000, 1000),
      mark(FRAME_TRACE_MARKS.end, 5_012_000, 2900),
      mark(FRAME_TRACE_MARKS.begin, 5_900_000, 5000),
      mark(FRAME_TRACE_MARKS.end, 5_908_000, 7000),
    ];
    const frames = frameThreadTimes(events);
    expect(frames.map(({ startedAt, wallMs, cpuMs }) => ({ startedAt, wallMs, cpuMs }))).toEqual([
      { startedAt: 1010, wallMs: 2, cpuMs: 1.9 },
      { startedAt: 1900, wallMs: 8, cpuMs: 2 },
    ]);
  });

  it("shares out other threads' outermost tasks by their overlap with the frame, and ignores other threads' marks", () => {
    const events = [
      ...names,
      clock,
      mark(FRAME_TRACE_MARKS.begin, 6_000_000, 1000),
      mark(FRAME_TRACE_MARKS.begin, 6_000_500, 1, GPU),
      // Half of this 4 ms task (2 ms CPU) overlaps the frame; the task nested in it counts nothing more.
      { name: "RunTask", ph: "X", ...GPU, ts: 6_002_000, dur: 4000, tts: 0, tdur: 2000 },
      { name: "Decode", ph: "X", ...GPU, ts: 6_003_000, dur: 1000, tts: 0, tdur: 1000 },
      // The page's own tasks are not "other threads".
      { name: "RunTask", ph: "X", ...PAGE, ts: 6_000_000, dur: 4000, tts: 0, tdur: 4000 },
      mark(FRAME_TRACE_MARKS.end, 6_004_000, 2000),
    ];
    const [frame] = frameThreadTimes(events);
    expect(frame!.otherThreadsCpuMs).toEqual({ "GPU Process/CrGpuMain": 1 });
  });

  it("skips a begin mark whose end was lost", () => {
    const events = [clock, mark(FRAME_TRACE_MARKS.begin, 5_100_000, 0), mark(FRAME_TRACE_MARKS.begin, 5_200_000, 10), mark(FRAME_TRACE_MARKS.end, 5_201_000, 510)];
    expect(frameThreadTimes(events).map((f) => f.startedAt)).toEqual([1200]);
  });

  it("refuses a trace without the clock mark or without thread times", () => {
    expect(() => frameThreadTimes([mark(FRAME_TRACE_MARKS.begin, 1, 1)])).toThrow(/no "kindred-trace-clock" mark/);
    expect(() => frameThreadTimes([clock, mark(FRAME_TRACE_MARKS.begin, 5_100_000, undefined)])).toThrow(/no thread time/);
  });

  it("finds the traced frame that began at a sample's start, within the tolerance", () => {
    const traced = [
      { startedAt: 1000, wallMs: 1, cpuMs: 1, otherThreadsCpuMs: {} },
      { startedAt: 2000.1, wallMs: 2, cpuMs: 1, otherThreadsCpuMs: {} },
    ];
    expect(tracedFrameAt(traced, 2000)?.wallMs).toBe(2);
    expect(tracedFrameAt(traced, 1500)).toBeUndefined();
  });
});
