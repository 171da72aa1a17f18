import type { Viseme } from "../../../shared/speech";
import type { VisemeUnit } from "./visemeUnit";

const VOWELS: Record<string, { viseme: Viseme; weight: number }> = {};
for (const [symbols, viseme, weight] of [
  ["aɑæʌɐäɶ", "aa", 1],
  // Central vowels are a relaxed, half-open mouth.
  ["əɚɜɝɵ", "aa", 0.55],
  ["iɪɨᵻyʏ", "ih", 0.9],
  ["eɛøœɘ", "ee", 0.9],
  ["uʊɯʉ", "ou", 0.9],
  ["oɔɒɞɤ", "oh", 1],
] as const) {
  for (const symbol of symbols) VOWELS[symbol] = { viseme, weight };
}
/** Lips pressed together. */
const CLOSED = new Set(["m", "b", "p", "ɱ"]);
/** Lip to teeth: almost closed. */
const LABIODENTAL = new Set(["f", "v"]);
/** Rounded lips even on a consonant (w, the English r, sh/zh). */
const ROUNDED = new Set(["w", "ʍ", "ɹ", "r", "ʃ", "ʒ", "ɥ"]);
const SPREAD = new Set(["j"]);
/** Length marks stretch the sound before them. */
const LENGTH_MARKS = new Set(["ː", "ˑ"]);
const SHORT_PAUSES = new Set([",", ";", ":", "—", "–", "-"]);
const LONG_PAUSES = new Set([".", "!", "?", "…"]);

const VOWEL_LENGTH = 1;
const CONSONANT_LENGTH = 0.6;
const SPACE_LENGTH = 0.3;
const SHORT_PAUSE_LENGTH = 1.6;
const LONG_PAUSE_LENGTH = 3;

/**
 * The mouth shapes of an IPA phoneme string as espeak-ng / kokoro-js write it ("həlˈoʊ wˈɜːld."):
 * vowels by where the tongue and lips go, m/b/p closed, f/v nearly so, rounded consonants round,
 * other consonants keep the previous shape half open. Stress marks and diacritics shape nothing.
 */
export function ipaUnits(phonemes: string): VisemeUnit[] {
  const units: VisemeUnit[] = [];
  let previous: Viseme = "aa";
  const add = (viseme: Viseme, weight: number, length: number) => {
    units.push({ viseme, weight, length });
    previous = viseme;
  };
  // NFD splits precomposed letters (ã) into base + combining mark; the marks are then skipped.
  for (const symbol of phonemes.normalize("NFD")) {
    const vowel = VOWELS[symbol];
    if (vowel) add(vowel.viseme, vowel.weight, VOWEL_LENGTH);
    else if (CLOSED.has(symbol)) add(previous, 0, CONSONANT_LENGTH);
    else if (LABIODENTAL.has(symbol)) add(previous, 0.15, CONSONANT_LENGTH);
    else if (ROUNDED.has(symbol)) add("ou", 0.5, CONSONANT_LENGTH);
    else if (SPREAD.has(symbol)) add("ih", 0.45, CONSONANT_LENGTH);
    else if (LENGTH_MARKS.has(symbol)) {
      const last = units.at(-1);
      if (last) last.length += VOWEL_LENGTH * 0.6;
    } else if (LONG_PAUSES.has(symbol)) add(previous, 0, LONG_PAUSE_LENGTH);
    else if (SHORT_PAUSES.has(symbol)) add(previous, 0, SHORT_PAUSE_LENGTH);
    else if (/\s/u.test(symbol)) add(previous, 0.15, SPACE_LENGTH);
    else if (/\p{L}/u.test(symbol) && !/\p{Lm}/u.test(symbol)) add(previous, 0.35, CONSONANT_LENGTH);
    // Anything else (ˈ ˌ ʰ, combining marks, quotes) is a modifier: no time, no shape.
  }
  return units;
}
