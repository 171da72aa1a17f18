import type { VisemeCue } from "../../../shared/speech";
import { ipaUnits } from "./ipaUnits";
import { letterUnits } from "./letterUnits";
import { loudnessAt, measureLoudness, silentGaps, type Loudness } from "./loudness";
import type { VisemeUnit } from "./visemeUnit";

/** A pause in the voice at least this long closes the mouth, whatever the phonemes say. */
const MIN_GAP_S = 0.06;
/** How much a frame's loudness scales the mouth's opening, around its typical level. */
const QUIET_FACTOR = 0.6;
const LOUD_FACTOR = 1.4;

/** A sentence as spoken: IPA `phonemes` when the engine gave them, else its `text` is read letter by letter. */
export interface SpokenText {
  text: string;
  phonemes: string;
}

/**
 * The mouth's timeline for one spoken sentence, on the audio's own clock: its shapes (from the
 * phonemes, or the letters) are spread over the stretch where the voice is actually heard, then
 * every cue is scaled by how loud the voice is there, and every silence closes the mouth.
 */
export function visemeTimeline(spoken: SpokenText, samples: Float32Array, sampleRate: number): VisemeCue[] {
  const loudness = measureLoudness(samples, sampleRate);
  if (loudness.voicedTo <= loudness.voicedFrom) return [{ time: 0, viseme: "aa", weight: 0 }];
  const laid = layUnits(unitsOf(spoken), loudness.voicedFrom, loudness.voicedTo);
  const times = new Set(laid.map((cue) => cue.time));
  for (const [start, end] of silentGaps(loudness, MIN_GAP_S)) times.add(start).add(end);
  const cues: VisemeCue[] = [];
  let index = 0;
  for (const time of [...times].sort((a, b) => a - b)) {
    while (index + 1 < laid.length && laid[index + 1]!.time <= time) index++;
    const base = laid[index]!;
    const cue = { time: round(time, 1000), viseme: base.viseme, weight: round(refine(base.weight, loudness, time), 100) };
    const last = cues.at(-1);
    if (last && last.viseme === cue.viseme && last.weight === cue.weight) continue;
    cues.push(cue);
  }
  return cues;
}

function unitsOf({ text, phonemes }: SpokenText): VisemeUnit[] {
  // Punctuation around the sentence is the silence before and after it: the audio already has that.
  const trim = (value: string) => value.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
  const units = trim(phonemes) ? ipaUnits(trim(phonemes)) : letterUnits(trim(text));
  // A voice with nothing readable (a hum, a name in an unknown script) still moves the mouth.
  return units.some((unit) => unit.length > 0) ? units : [{ viseme: "aa", weight: 0.6, length: 1 }];
}

/** The units stretched over [from, to]; closed before and after. */
function layUnits(units: VisemeUnit[], from: number, to: number): VisemeCue[] {
  const total = units.reduce((sum, unit) => sum + unit.length, 0);
  const cues: VisemeCue[] = from > 0 ? [{ time: 0, viseme: units[0]!.viseme, weight: 0 }] : [];
  let elapsed = 0;
  for (const unit of units) {
    if (unit.length <= 0) continue;
    cues.push({ time: from + (elapsed / total) * (to - from), viseme: unit.viseme, weight: unit.weight });
    elapsed += unit.length;
  }
  cues.push({ time: to, viseme: cues.at(-1)!.viseme, weight: 0 });
  return cues;
}

function refine(weight: number, loudness: Loudness, time: number): number {
  const level = loudnessAt(loudness, time);
  if (level === 0) return 0;
  return Math.min(1, weight * Math.min(LOUD_FACTOR, Math.max(QUIET_FACTOR, QUIET_FACTOR + (1 - QUIET_FACTOR) * level)));
}

const round = (value: number, steps: number) => Math.round(value * steps) / steps;
