import type { Viseme } from "../../../shared/speech";

/**
 * One mouth shape held for a share of a sentence, before it is laid on the audio: `length` is
 * relative (a vowel is 1), so a sentence's units stretch to however long the voice took.
 */
export interface VisemeUnit {
  viseme: Viseme;
  /** 0 closes the mouth (pause, or lips pressed for m/b/p). */
  weight: number;
  length: number;
}
