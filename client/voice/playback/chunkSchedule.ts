/**
 * Seconds ahead of the audio clock a chunk starts when nothing is queued: a message handled
 * just before the clock ticks must not be scheduled in the past (its start would be cut off).
 */
export const SCHEDULE_LEAD_S = 0.05;

/** Where one chunk sits on a companion's queue, in AudioContext seconds. */
export interface ChunkSlot {
  start: number;
  end: number;
}

/**
 * Gapless queueing: a chunk starts where the previous one ends; when the queue has run dry
 * (speech arrived slower than it plays, or nothing was queued) it starts a little after now.
 */
export function scheduleChunk(queueEnd: number, now: number, duration: number, lead = SCHEDULE_LEAD_S): ChunkSlot {
  if (!(duration > 0) || !Number.isFinite(duration)) throw new Error(`chunk duration must be a positive number of seconds, got ${duration}`);
  if (!Number.isFinite(now) || !Number.isFinite(queueEnd)) throw new Error(`audio times must be finite, got now ${now}, queue end ${queueEnd}`);
  const start = Math.max(queueEnd, now + lead);
  return { start, end: start + duration };
}
