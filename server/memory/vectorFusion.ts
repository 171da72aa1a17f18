import type { Queryable } from "../storage";
import { fuseRankings } from "./fuseRankings";
import type { RecalledEpisode, RecallOptions } from "./recall";
import { memoriesById } from "./recall/memoriesById";
import type { VectorCandidate } from "./vectorCandidates";

/** How deep each ranking is read before fusing: a memory ranked 50th by one side may still win on both. */
export const FUSION_DEPTH = 50;

/**
 * Hybrid recall's second half: fuses the full-text ranking (best first) with the vector ranking
 * (`nearest`, FUSION_DEPTH deep, see vectorCandidates) by reciprocal rank fusion and returns the
 * best `k`, each scored by its fused score. The vector side ranks ids only; the
 * rows of the winners the full-text side did not bring are then read in one statement, so a
 * recall reads the rows of what it returns, not of everything it ranked.
 */
export async function fuseWithVectors(
  db: Queryable,
  fullText: readonly RecalledEpisode[],
  nearest: readonly VectorCandidate[],
  options: RecallOptions,
): Promise<RecalledEpisode[]> {
  const fused = fuseRankings([fullText.map((m) => m.id), nearest.map((m) => m.id)]).slice(0, options.k);
  const known = new Map(fullText.map((m) => [m.id, m]));
  const read = await memoriesById(db, fused.filter((f) => !known.has(f.id)).map((f) => f.id), options);
  // A winner gone between the ranking and the read (forgotten, made private) is left out.
  return fused.flatMap((f) => {
    const memory = known.get(f.id) ?? read.get(f.id);
    return memory ? [{ ...memory, score: f.score }] : [];
  });
}
