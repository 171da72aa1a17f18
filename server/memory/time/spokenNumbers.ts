/** Counts as people say them in time phrases: "3", "three", "a", "a couple of", "a few". */
const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, "a couple of": 2, "a couple": 2, couple: 2, "a few": 3, few: 3, several: 3,
};

/** The regex alternative matching a spoken count (longest first, so "a couple of" beats "a"). */
export const SPOKEN_COUNT = `\\d{1,3}|${Object.keys(WORDS).sort((a, b) => b.length - a.length).join("|")}`;

export function spokenCount(text: string): number {
  const trimmed = text.trim().toLowerCase();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : (WORDS[trimmed] ?? 1);
}
