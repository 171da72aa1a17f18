import type { Queryable } from "../storage";
import type { QueryEmbedding } from "./embeddings";
import { fuseRankings } from "./fuseRankings";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode, type RecallOptions } from "./recall";
import { vectorCandidates } from "./vectorCandidates";

/** How deep each ranking is read before fusing: a memory ranked 50th by one side may still win on both. */
export const FUSION_DEPTH = 50;

/**
 * Hybrid recall's second half: fuses the full-text ranking (already fetched, best first) with
 * the vector ranking by reciprocal rank fusion and returns the best `k`, each scored by its fused
 * score. Memories only the vector side found are read with the same visibility predicate.
 */
export async function fuseWithVectors(
  db: Queryable,
  fullText: readonly RecalledEpisode[],
  query: QueryEmbedding,
  options: RecallOptions,
): Promise<RecalledEpisode[]> {
  const nearest = await vectorCandidates(db, query, { ...options, limit: Math.max(FUSION_DEPTH, options.k) });
  const fused = fuseRankings([fullText.map((m) => m.id), nearest.map((m) => m.id)]).slice(0, options.k);
  const known = new Map(fullText.map((m) => [m.id, m]));
  const missing = fused.map((f) => f.id).filter((id) => !known.has(id));
  if (missing.length > 0) {
    const rows = await db.query<MemoryRow>(
      `SELECT m.*, 0 AS score FROM memories m
       WHERE m.id = ANY($1::uuid[]) AND m.companion_id = $2 AND m.owner_id = $3
         AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $5)`,
      [missing, options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null],
    );
    for (const row of rows) known.set(row.id, toRecalledEpisode(row));
  }
  return fused.flatMap((f) => {
    const memory = known.get(f.id);
    return memory ? [{ ...memory, score: f.score }] : [];
  });
}
