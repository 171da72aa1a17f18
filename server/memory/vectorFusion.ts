import type { Queryable } from "../storage";
import { fuseRankings } from "./fuseRankings";
import type { RecalledEpisode, RecallOptions } from "./recall";
import { withRows } from "./recall/memoriesById";
import type { VectorCandidate } from "./vectorCandidates";

/** How deep each ranking is read before fusing: a memory ranked 50th by one side may still win on both. */
export const FUSION_DEPTH = 50;

/**
 * Hybrid recall's second half: fuses the full-text ranking (`matched`, best first) with the
 * vector ranking (`nearest`, FUSION_DEPTH deep, see vectorCandidates) by reciprocal rank fusion
 * and returns the best `k`, each scored by its fused score. Both sides rank ids only; the rows of
 * the winners are then read in one statement, so a recall reads the rows of what it returns, not
 * of everything it ranked.
 */
export async function fuseWithVectors(
  db: Queryable,
  matched: ReadonlyArray<{ id: string }>,
  nearest: readonly VectorCandidate[],
  options: RecallOptions,
): Promise<RecalledEpisode[]> {
  const fused = fuseRankings([matched.map((m) => m.id), nearest.map((m) => m.id)]).slice(0, options.k);
  // A winner gone between the ranking and the read (forgotten, made private) is left out.
  return withRows(db, fused, options);
}
