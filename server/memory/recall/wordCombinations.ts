import type { QueryTerm } from "./queryTerms";

/** π²/6: the limit of Σ 1/j², by which Postgres divides a word's rank. */
const RANK_SCALE = 1.64493406685;

/**
 * The most one word can add to a memory's score, per unit of its idf, when it occurs at most
 * `positions` times in one memory: ts_rank of a one-word query is (w_max + Σ_{other occurrences j}
 * w_j / j²) / (π²/6) (Postgres's calc_rank_or), at most Σ_{j ≤ positions} 1/j² / (π²/6) with the
 * highest weight (1.0) on every occurrence: 0.61 for a word found once per memory, below 1 for
 * any. A safe bound, never an estimate: what it prunes could never have ranked. ts_rank is a
 * float4, so the bound is raised by more than its rounding. Unknown (0): the bound for any word, 1.
 */
export function maxWordRank(positions: number): number {
  if (!(positions >= 1)) return 1;
  let sum = 0;
  for (let j = 1; j <= positions; j++) sum += 1 / (j * j);
  return Math.min(1, sum / RANK_SCALE) * (1 + 1e-6);
}

/** The memories that may still outscore a threshold, among those holding none of the searched words. */
export interface WordCombinations {
  /** An OR of ANDs of words, as tsquery text; empty when no memory outside the searched ones can reach the threshold. */
  query: string;
  /** How many memories it should match, if the words were independent: what it costs to rank them. */
  reach: number;
  /** False when combinations were left out to stay within the reach: the ranking is then approximate. */
  complete: boolean;
}

/** Enough combinations for any natural question; one with more is approximated. */
const MAX_COMBINATIONS = 64;

/**
 * Rank-bound pruning (MaxScore / WAND): a memory holding none of the searched words scores at most
 * the sum of its other words' bounds, so only a memory holding a combination of `unsearched` words
 * whose bounds reach `threshold` (the score it must match to enter the results) can still rank.
 * Returns the smallest such combinations, the cheapest first while their estimated reach stays
 * within `reach`. `total` is how many memories the companion has (for the estimate).
 */
export function wordCombinations(unsearched: readonly QueryTerm[], threshold: number, total: number, reach: number): WordCombinations {
  // Largest bound first: a combination stops growing as soon as it reaches the threshold, so
  // every one found is minimal (dropping any word, none smaller than the last, falls short).
  const words = [...unsearched].sort((a, b) => b.idf - a.idf);
  const bound = (term: QueryTerm) => term.idf * maxWordRank(term.maxPositions);
  const need = threshold * (1 - 1e-9); // ts_rank is a float4: never prune on a rounding error
  const combinations: QueryTerm[][] = [];
  let truncated = false;
  const grow = (from: number, chosen: QueryTerm[], sum: number) => {
    for (let i = from; i < words.length; i++) {
      if (combinations.length >= MAX_COMBINATIONS) return void (truncated = true);
      const next = [...chosen, words[i]!];
      const reached = sum + bound(words[i]!);
      if (reached >= need) combinations.push(next);
      else if (reached + remaining(i + 1) >= need) grow(i + 1, next, reached);
    }
  };
  const suffix = words.map((_, i) => words.slice(i).reduce((s, t) => s + bound(t), 0));
  const remaining = (i: number) => suffix[i] ?? 0;
  grow(0, [], 0);

  const estimated = combinations
    .map((combination) => ({ combination, reach: combination.reduce((n, t) => (n * t.memories) / Math.max(1, total), Math.max(1, total)) }))
    .sort((a, b) => a.reach - b.reach);
  const kept: QueryTerm[][] = [];
  let reached = 0;
  for (const { combination, reach: cost } of estimated) {
    if (reached + cost > reach) break;
    kept.push(combination);
    reached += cost;
  }
  return {
    query: kept.map((c) => (c.length === 1 ? c[0]!.query : `(${c.map((t) => t.query).join(" & ")})`)).join(" | "),
    reach: Math.round(reached),
    complete: !truncated && kept.length === combinations.length,
  };
}
