import type { Queryable } from "../storage";
import type { QueryEmbedding } from "./embeddings";
import { fuseRankings } from "./fuseRankings";
import type { RecalledEpisode, RecallOptions } from "./recall";
import { nearestMemories } from "./vectorCandidates";

/** How deep each ranking is read before fusing: a memory ranked 50th by one side may still win on both. */
export const FUSION_DEPTH = 50;

/**
 * Hybrid recall's second half: fuses the full-text ranking (already fetched, best first) with
 * the vector ranking by reciprocal rank fusion and returns the best `k`, each scored by its fused
 * score. The vector side brings its memories' rows in the same statement (one round trip).
 */
export async function fuseWithVectors(
  db: Queryable,
  fullText: readonly RecalledEpisode[],
  query: QueryEmbedding,
  options: RecallOptions,
): Promise<RecalledEpisode[]> {
  const nearest = await nearestMemories(db, query, { ...options, limit: Math.max(FUSION_DEPTH, options.k), index: options.embeddings?.vectorIndex });
  const fused = fuseRankings([fullText.map((m) => m.id), nearest.map((m) => m.id)]).slice(0, options.k);
  const known = new Map([...nearest, ...fullText].map((m) => [m.id, m]));
  return fused.map((f) => ({ ...known.get(f.id)!, score: f.score }));
}
