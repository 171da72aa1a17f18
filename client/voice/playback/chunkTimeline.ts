import type { VisemeCue } from "../../../shared/speech";

/**
 * A chunk's cues as its mouth plays them: the last shape is held to the chunk's end. A timeline
 * player ends at its last cue, and a chunk's last cue often comes before the audio does (the
 * next chunk starts in that same shape), so without this the mouth would shut between chunks.
 */
export function holdToChunkEnd(cues: readonly VisemeCue[], duration: number): VisemeCue[] {
  const last = cues[cues.length - 1];
  if (!last) return [];
  return [...cues, { time: Math.max(duration, last.time), viseme: last.viseme, weight: last.weight }];
}
