const START = "\u0002";
const END = "\u0003";

/**
 * New sentences in the manner of a corpus of real conversation turns: a word-bigram chain
 * trained on it, so memories have a real vocabulary with its natural (Zipf-like) word
 * frequencies and plausible word pairs, in endless new combinations. Sentences shorter than
 * four words are drawn again.
 */
export function createSentenceGenerator(corpus: readonly string[], random: () => number): () => string {
  const next = new Map<string, string[]>();
  for (const line of corpus) {
    const words = [START, ...line.split(/\s+/).filter(Boolean), END];
    for (let i = 0; i + 1 < words.length; i++) {
      const followers = next.get(words[i]!) ?? [];
      followers.push(words[i + 1]!);
      next.set(words[i]!, followers);
    }
  }
  const pick = (word: string) => {
    const followers = next.get(word) ?? [END];
    return followers[Math.floor(random() * followers.length)]!;
  };
  return () => {
    for (;;) {
      const words: string[] = [];
      for (let word = pick(START); word !== END && words.length < 40; word = pick(word)) words.push(word);
      if (words.length >= 4) return words.join(" ");
    }
  };
}

/** A random unit vector: the vector side's worst case, with no structure for the index to exploit. */
export function randomUnitVector(dimensions: number, random: () => number): number[] {
  const v = Array.from({ length: dimensions }, () => random() - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}
