import type { FlitePhone } from "./fliteProgram";

/**
 * Flite's US English phone set (CMU, ARPAbet-like) in IPA, the notation Kokoro's phonemizer
 * (espeak-ng) writes, so the viseme mapper reads both engines alike.
 */
const IPA: Readonly<Record<string, string>> = {
  aa: "ɑ", ae: "æ", ah: "ʌ", ao: "ɔ", aw: "aʊ", ax: "ə", axr: "ɚ", ay: "aɪ", eh: "ɛ", er: "ɚ",
  ey: "eɪ", ih: "ɪ", ix: "ɪ", iy: "i", ow: "oʊ", oy: "ɔɪ", uh: "ʊ", uw: "u",
  b: "b", ch: "tʃ", d: "d", dh: "ð", dx: "ɾ", el: "əl", em: "əm", en: "ən", f: "f", g: "ɡ",
  hh: "h", jh: "dʒ", k: "k", l: "l", m: "m", n: "n", ng: "ŋ", nx: "n", p: "p", r: "ɹ", s: "s",
  sh: "ʃ", t: "t", th: "θ", v: "v", w: "w", y: "j", z: "z", zh: "ʒ",
};

/**
 * The phones as one IPA string. Flite marks no word boundaries, only phrase pauses: a pause
 * inside the sentence becomes ", " (a short pause to the viseme timing), the silence flite puts
 * at either end is left out. Unknown phones are dropped.
 */
export function phonesToIpa(phones: readonly FlitePhone[]): string {
  return phones
    .map(({ phone }) => (phone === "pau" ? ", " : (IPA[phone.replace(/\d+$/, "")] ?? "")))
    .join("")
    .replace(/(, )+/g, ", ")
    .replace(/^, |, $/g, "");
}
