import { textToVisemeTimeline } from "../../../shared/speech";
import type { VisemeUnit } from "./visemeUnit";

/**
 * The mouth shapes of a sentence from its letters, for engines that give no phonemes: the same
 * timeline the client reads from text, each cue held until the next one.
 */
export function letterUnits(text: string): VisemeUnit[] {
  const cues = textToVisemeTimeline(text);
  return cues.map((cue, index) => ({ viseme: cue.viseme, weight: cue.weight, length: (cues[index + 1]?.time ?? cue.time) - cue.time }));
}
