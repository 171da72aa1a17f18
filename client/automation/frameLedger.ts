/**
 * One frame's JS time, taken apart: the frame loop's stages (by useFrame priority), the avatar
 * updates that ran in it, and whether a garbage collection freed memory during it. FrameTiming
 * feeds it at each stage's end and writes the frame into a rolling record of `window.__kindred`.
 */

/**
 * A rolling record: entry `i % capacity` holds the i-th value written, `written` counts all
 * values ever written (so a reader takes the ones since its last look).
 */
export interface RollingRecord {
  capacity: number;
  written: number;
}

/**
 * The frame loop's stages, in running order: the XR store's input update, the XR pointers' hit
 * tests, people's movement, the camera, drawing (avatars included), layers posed after avatars,
 * and floating labels, which end where rendering begins.
 */
export const FRAME_STAGES = ["xrInput", "pointers", "simulate", "camera", "draw", "afterAvatars", "labels"] as const;
export type FrameStage = (typeof FRAME_STAGES)[number];

/**
 * Chrome trace marks (console.timeStamp) at a frame's start and at the end of its measured JS,
 * written only when a tool set `window.__kindredMarkFrames` before the page loaded: each mark
 * carries the main thread's CPU clock next to the wall clock, so a trace tells how much of a
 * frame's JS time the thread actually ran.
 */
export const FRAME_TRACE_MARKS = { begin: "kindred-frame-begin", end: "kindred-frame-end" } as const;

/** What frame timing reads of an avatar driver. */
export interface TimedUpdate {
  readonly lastUpdateMs: number;
  /** performance.now() when its last update began. */
  readonly lastUpdateStartedAt: number;
}

/** Recent frames, one entry of each array per frame. */
export interface FrameRecord extends RollingRecord {
  /** performance.now() when the frame's first stage began. */
  startedAt: number[];
  /** JS time of every stage before rendering (ms). */
  jsMs: number[];
  /** The part spent in avatar updates that ran in this frame (ms). */
  avatarMs: number[];
  /** The companions' share of `avatarMs` (ms). */
  companionAvatarMs: number[];
  /** How many avatar updates ran in this frame. */
  avatarsUpdated: number[];
  /** The longest single avatar update of this frame (ms). */
  slowestAvatarMs: number[];
  /**
   * KB the JS heap shrank by during the frame: a garbage collection ran inside it (0: none seen;
   * null where the browser does not report its heap). Collection work that frees nothing within
   * the frame (incremental marking steps) goes unseen.
   */
  heapDropKb: (number | null)[];
  /** Each stage's JS time (ms). */
  stageMs: Record<FrameStage, number[]>;
}

export function createFrameRecord(capacity: number): FrameRecord {
  const column = <T>(value: T) => new Array<T>(capacity).fill(value);
  const stageMs = {} as Record<FrameStage, number[]>;
  for (const stage of FRAME_STAGES) stageMs[stage] = column(0);
  return {
    capacity,
    written: 0,
    startedAt: column(0),
    jsMs: column(0),
    avatarMs: column(0),
    companionAvatarMs: column(0),
    avatarsUpdated: column(0),
    slowestAvatarMs: column(0),
    heapDropKb: column<number | null>(0),
    stageMs,
  };
}

/** Sums what the current frame ran; allocation-free, so measuring adds no garbage of its own. */
export class FrameLedger {
  private started = 0;
  private heapAtStart = Number.NaN;
  private readonly stageEnds = new Float64Array(FRAME_STAGES.length);
  private avatarMs = 0;
  private companionMs = 0;
  private updated = 0;
  private slowest = 0;

  /** The frame's first stage begins; `heapBytes` is the JS heap in use now (NaN: unknown). */
  begin(now: number, heapBytes: number): void {
    this.started = now;
    this.heapAtStart = heapBytes;
    this.stageEnds.fill(Number.NaN);
    this.avatarMs = 0;
    this.companionMs = 0;
    this.updated = 0;
    this.slowest = 0;
  }

  /** Stage `index` of FRAME_STAGES ended at `now` (the last one ends when the frame is written). */
  endStage(index: number, now: number): void {
    this.stageEnds[index] = now;
  }

  /** Whether `driver`'s last update ran in this frame (a driver skipped this frame still shows its old time). */
  ranThisFrame(driver: TimedUpdate): boolean {
    return driver.lastUpdateStartedAt >= this.started;
  }

  /** Counts `driver`'s update if it ran in this frame; call once per driver per frame. */
  addAvatar(driver: TimedUpdate): void {
    if (!this.ranThisFrame(driver)) return;
    const ms = driver.lastUpdateMs;
    this.avatarMs += ms;
    this.updated++;
    if (ms > this.slowest) this.slowest = ms;
  }

  /** Counts a companion's update (also given to addAvatar) into the companions' share, if it ran in this frame. */
  addCompanionShare(driver: TimedUpdate): void {
    if (this.ranThisFrame(driver)) this.companionMs += driver.lastUpdateMs;
  }

  /** Ends the frame at `now` and writes it into `record`; returns its JS time (ms). */
  write(record: FrameRecord, now: number, heapBytes: number): number {
    const slot = record.written % record.capacity;
    const jsMs = now - this.started;
    record.startedAt[slot] = this.started;
    record.jsMs[slot] = jsMs;
    record.avatarMs[slot] = this.avatarMs;
    record.companionAvatarMs[slot] = this.companionMs;
    record.avatarsUpdated[slot] = this.updated;
    record.slowestAvatarMs[slot] = this.slowest;
    const drop = this.heapAtStart - heapBytes;
    record.heapDropKb[slot] = Number.isNaN(drop) ? null : Math.max(0, drop) / 1024;
    let previous = this.started;
    for (let i = 0; i < FRAME_STAGES.length; i++) {
      const marked = this.stageEnds[i]!;
      const end = i === FRAME_STAGES.length - 1 ? now : Number.isNaN(marked) ? previous : marked;
      record.stageMs[FRAME_STAGES[i]!][slot] = end - previous;
      previous = end;
    }
    record.written++;
    return jsMs;
  }

  get avatarTotalMs(): number {
    return this.avatarMs;
  }
}
