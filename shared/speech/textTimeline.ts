import type { Viseme, VisemeCue } from "./visemes";

/** Roughly conversational speech: 14 characters a second. */
export const DEFAULT_CHARS_PER_SECOND = 14;
const SHORT_PAUSE_S = 0.22;
const LONG_PAUSE_S = 0.45;

const VOWELS: Record<string, Viseme> = { a: "aa", e: "ee", i: "ih", o: "oh", u: "ou", y: "ih" };
const CLOSED_LIPS = new Set(["m", "b", "p"]);
const ROUND_LIPS = new Set(["w", "q"]);
const SHORT_PAUSES = new Set([",", ";", ":", "—", "–", "-"]);
const LONG_PAUSES = new Set([".", "!", "?", "…"]);

/**
 * A plausible mouth timeline from text alone, for replies that have no voice yet: vowels open the
 * mouth in their shape, m/b/p close it, other consonants leave it half open, punctuation pauses.
 * Letters outside the Latin alphabet (accents stripped first) alternate open shapes.
 */
export function textToVisemeTimeline(text: string, charsPerSecond = DEFAULT_CHARS_PER_SECOND): VisemeCue[] {
  if (!(charsPerSecond > 0)) throw new Error(`charsPerSecond must be positive, got ${charsPerSecond}`);
  const letterS = 1 / charsPerSecond;
  const cues: VisemeCue[] = [];
  let time = 0;
  let otherScript = 0;
  let previous: Viseme = "aa";
  for (const raw of text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()) {
    if (LONG_PAUSES.has(raw) || SHORT_PAUSES.has(raw)) {
      cues.push({ time, viseme: previous, weight: 0 });
      time += LONG_PAUSES.has(raw) ? LONG_PAUSE_S : SHORT_PAUSE_S;
      continue;
    }
    if (/\s/u.test(raw)) {
      cues.push({ time, viseme: previous, weight: 0.15 });
      time += letterS * 0.5;
      continue;
    }
    const vowel = VOWELS[raw];
    if (vowel) {
      cues.push({ time, viseme: vowel, weight: 1 });
      previous = vowel;
    } else if (CLOSED_LIPS.has(raw)) {
      cues.push({ time, viseme: previous, weight: 0 });
    } else if (ROUND_LIPS.has(raw)) {
      cues.push({ time, viseme: "ou", weight: 0.6 });
      previous = "ou";
    } else if (/\p{L}/u.test(raw) && !/[a-z]/.test(raw)) {
      // A syllabic script (kana, hanzi, hangul…): each character is roughly one open syllable.
      previous = otherScript++ % 2 === 0 ? "aa" : "oh";
      cues.push({ time, viseme: previous, weight: 0.8 });
      time += letterS;
    } else if (/[\p{L}\p{N}]/u.test(raw)) {
      cues.push({ time, viseme: previous, weight: 0.35 });
    } else {
      continue;
    }
    time += letterS;
  }
  cues.push({ time, viseme: previous, weight: 0 });
  return cues;
}
