import type { Queryable } from "../storage";
import { fuseRankings } from "./fuseRankings";
import type { RecalledEpisode, RecallOptions } from "./recall";
import { withRows } from "./recall/memoriesBySeq";

/** How deep each ranking is read before fusing: a memory ranked 50th by one side may still win on both. */
export const FUSION_DEPTH = 50;

/**
 * Hybrid recall's second half: fuses the full-text ranking (`matched`, best first) with the
 * vector ranking (`nearest`, FUSION_DEPTH deep, see vectorRanking) by reciprocal rank fusion and
 * returns the best `k`, each scored by its fused score. Both sides rank seqs only; the rows of the
 * winners are then read in one statement, so a recall reads the rows of what it returns, not of
 * everything it ranked.
 */
export async function fuseWithVectors(
  db: Queryable,
  matched: ReadonlyArray<{ seq: number }>,
  nearest: ReadonlyArray<{ seq: number }>,
  options: RecallOptions,
): Promise<RecalledEpisode[]> {
  const fused = fuseRankings([matched.map((m) => m.seq), nearest.map((m) => m.seq)]);
  // A winner gone (forgotten, made private) since it was ranked is left out; the next one takes its place.
  return withRows(db, fused.map((f) => ({ seq: f.id, score: f.score })), options.k, options);
}
