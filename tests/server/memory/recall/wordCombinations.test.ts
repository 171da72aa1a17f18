import { describe, expect, it } from "vitest";
import type { QueryTerm } from "../../../../server/memory/recall/queryTerms";
import { maxWordRank, wordCombinations } from "../../../../server/memory/recall/wordCombinations";

// Bounds of 1 per unit of idf (a word's rank can reach 1 only in the limit): the cases below read in idf alone.
const term = (word: string, idf: number, memories: number, maxPositions = 0): QueryTerm => ({ query: `'${word}'`, idf, memories, maxPositions });

describe("wordCombinations", () => {
  const common = [term("melani", 3.5, 2800), term("paint", 3.2, 3000), term("kid", 3, 4700)];

  it("asks for no memory when even all the words together cannot reach the threshold", () => {
    expect(wordCombinations(common, 10, 100_000, 1000)).toEqual({ query: "", reach: 0, complete: true });
  });

  it("asks for the smallest combinations whose bounds reach the threshold, the cheapest first", () => {
    // No word alone reaches 4; any two do. 2800 × 3000 / 100k = 84 memories expected, and so on.
    const found = wordCombinations(common, 4, 100_000, 1000);
    expect(found.query).toBe("('melani' & 'paint') | ('melani' & 'kid') | ('paint' & 'kid')");
    expect(found.reach).toBe(84 + 132 + 141);
    expect(found.complete).toBe(true);
  });

  it("takes a word alone when its bound reaches the threshold, and never a combination holding it", () => {
    const found = wordCombinations([term("rare", 6, 50), ...common], 4, 100_000, 1000);
    expect(found.query.split(" | ")).toEqual(["'rare'", "('melani' & 'paint')", "('melani' & 'kid')", "('paint' & 'kid')"]);
  });

  it("leaves out the costliest combinations beyond the reach and says the ranking is then approximate", () => {
    const found = wordCombinations(common, 3.1, 100_000, 3000);
    // 'melani' (2800) and 'paint' (3000) each reach 3.1 alone ('kid' needs one of them); both
    // would exceed the reach.
    expect(found.query).toBe("'melani'");
    expect(found.complete).toBe(false);
  });

  it("with no threshold (fewer results than wanted) asks for every word, rarest first, within the reach", () => {
    const found = wordCombinations(common, 0, 10_000, 6000);
    expect(found.query).toBe("'melani' | 'paint'");
    expect(found).toMatchObject({ reach: 5800, complete: false });
  });

  it("bounds a word by how often it occurs in one memory: a word found once per memory reaches less", () => {
    // Each alone bounds at 3.5 × 0.61 = 2.1 and 3.2 × 0.61 = 1.9; together 4.1: only the pair reaches 4.
    const once = [term("melani", 3.5, 2800, 1), term("paint", 3.2, 3000, 1)];
    expect(wordCombinations(once, 4, 100_000, 1000).query).toBe("('melani' & 'paint')");
    expect(wordCombinations(once, 2, 100_000, 5000).query).toBe("'melani'");
    expect(wordCombinations(once, 4.2, 100_000, 1000).query).toBe("");
  });
});

describe("maxWordRank", () => {
  it("grows with the occurrences toward 1, and is 1 for a word whose occurrences are unknown", () => {
    expect(maxWordRank(1)).toBeCloseTo(6 / Math.PI ** 2, 5);
    expect(maxWordRank(2)).toBeCloseTo((1.25 * 6) / Math.PI ** 2, 5);
    expect(maxWordRank(3)).toBeGreaterThan(maxWordRank(2));
    expect(maxWordRank(256)).toBeLessThanOrEqual(1);
    expect(maxWordRank(0)).toBe(1);
  });
});
