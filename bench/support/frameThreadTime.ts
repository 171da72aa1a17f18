import { FRAME_TRACE_MARKS } from "../../client/automation/frameLedger";

/** One event of a Chrome trace (JSON trace format); times in microseconds, `tts`/`tdur` on the thread's CPU clock. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { message?: string; startTime?: number } };
}

/** The user-timing mark (performance.mark) that ties the trace's clock to the page's performance.now(). */
export const CLOCK_MARK = "kindred-trace-clock";

/** One frame's measured JS as the page's main thread saw it. */
export interface FrameThreadTime {
  /** The frame's start on the page's clock (performance.now(), ms). */
  startedAt: number;
  /** Wall time between the frame's marks (ms). */
  wallMs: number;
  /** CPU time the page's main thread ran between them (ms). */
  cpuMs: number;
  /**
   * CPU time other browser threads spent in top-level tasks overlapping the frame, by process
   * and thread name (ms, a task's CPU time shared out by how much of its wall time overlaps): who else ran.
   */
  otherThreadsCpuMs: Record<string, number>;
}

/** Events that run tasks (the outermost of them per thread gives its busy spans). */
const isTimedSpan = (e: TraceEvent) => e.ph === "X" && e.dur !== undefined && e.tdur !== undefined;

/**
 * Each marked frame of the page (FRAME_TRACE_MARKS, written by FrameTiming) with its wall and
 * main-thread CPU time, in the order they ran. Throws when the trace lacks the clock mark or
 * thread times: without them no frame could be placed or weighed.
 */
export function frameThreadTimes(events: readonly TraceEvent[]): FrameThreadTime[] {
  const clock = events.find((e) => e.name === CLOCK_MARK && typeof e.args?.data?.startTime === "number");
  if (!clock) throw new Error(`the trace holds no "${CLOCK_MARK}" mark: cannot place frames on the page's clock`);
  const offsetMs = clock.ts / 1000 - clock.args!.data!.startTime!;
  const onPageThread = (e: TraceEvent) => e.pid === clock.pid && e.tid === clock.tid;
  const marks = events
    .filter((e) => e.name === "TimeStamp" && onPageThread(e) && (e.args?.data?.message === FRAME_TRACE_MARKS.begin || e.args?.data?.message === FRAME_TRACE_MARKS.end))
    .sort((a, b) => a.ts - b.ts);
  if (marks.some((m) => m.tts === undefined)) throw new Error("the trace's frame marks carry no thread time (tts)");
  const others = otherThreadSpans(events, clock);
  const frames: FrameThreadTime[] = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    const begin = marks[i]!;
    const end = marks[i + 1]!;
    if (begin.args!.data!.message !== FRAME_TRACE_MARKS.begin || end.args!.data!.message !== FRAME_TRACE_MARKS.end) continue;
    frames.push({
      startedAt: begin.ts / 1000 - offsetMs,
      wallMs: (end.ts - begin.ts) / 1000,
      cpuMs: (end.tts! - begin.tts!) / 1000,
      otherThreadsCpuMs: cpuOverlapping(others, begin.ts, end.ts),
    });
    i++;
  }
  return frames;
}

interface Span {
  thread: string;
  ts: number;
  dur: number;
  tdur: number;
}

/** The outermost task spans of every thread but the page's, named by thread. */
function otherThreadSpans(events: readonly TraceEvent[], page: TraceEvent): Span[] {
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === "M" && e.name === "process_name" && e.args?.name) processes.set(e.pid, e.args.name);
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== "M" || e.name !== "thread_name" || !e.args?.name) continue;
    const process = processes.get(e.pid);
    names.set(`${e.pid}:${e.tid}`, process ? `${process}/${e.args.name}` : e.args.name);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (!isTimedSpan(e) || (e.pid === page.pid && e.tid === page.tid)) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const spans: Span[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let coveredUntil = Number.NEGATIVE_INFINITY;
    for (const e of list) {
      if (e.ts < coveredUntil) continue; // nested in a task already counted
      coveredUntil = e.ts + e.dur!;
      spans.push({ thread: names.get(key) ?? `thread ${e.tid}`, ts: e.ts, dur: e.dur!, tdur: e.tdur! });
    }
  }
  return spans;
}

function cpuOverlapping(spans: readonly Span[], from: number, to: number): Record<string, number> {
  const byThread: Record<string, number> = {};
  for (const span of spans) {
    const overlap = Math.min(to, span.ts + span.dur) - Math.max(from, span.ts);
    if (overlap <= 0 || span.dur <= 0) continue;
    byThread[span.thread] = (byThread[span.thread] ?? 0) + (span.tdur * overlap) / span.dur / 1000;
  }
  return byThread;
}

/** The traced frame that began within `toleranceMs` of `startedAt` (page clock), if any; `traced` in running order. */
export function tracedFrameAt(traced: readonly FrameThreadTime[], startedAt: number, toleranceMs = 5): FrameThreadTime | undefined {
  let best: FrameThreadTime | undefined;
  for (const frame of traced) {
    const gap = Math.abs(frame.startedAt - startedAt);
    if (gap <= toleranceMs && (!best || gap < Math.abs(best.startedAt - startedAt))) best = frame;
  }
  return best;
}
