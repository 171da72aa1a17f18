import type { VisemeCue } from "../../../shared/speech";

/**
 * The cues of the stretch [start, end) of a timeline, timed from `start`: a chunk of audio carries
 * its own, beginning with the shape the mouth is in when the chunk starts.
 */
export function sliceCues(cues: readonly VisemeCue[], start: number, end: number): VisemeCue[] {
  const inside = cues.filter((cue) => cue.time >= start && cue.time < end).map((cue) => ({ ...cue, time: Math.round((cue.time - start) * 1000) / 1000 }));
  const current = cues.findLast((cue) => cue.time < start);
  if (current && inside[0]?.time !== 0) inside.unshift({ ...current, time: 0 });
  return inside;
}
