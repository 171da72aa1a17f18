import type { Queryable } from "../storage";
import type { Episode, Visibility } from "./episode";
import type { MemoryScope } from "./recall/memoryScope";
import type { QueryEmbedder } from "./embeddings";
import { FUSION_DEPTH, fuseWithVectors } from "./vectorFusion";

export interface RecallOptions extends MemoryScope {
  /** How many memories at most. */
  k: number;
  /** When present, full text is fused with vector similarity (reciprocal rank fusion). */
  embeddings?: QueryEmbedder | undefined;
}

export interface RecalledEpisode extends Episode {
  score: number;
}

export interface MemoryRow {
  id: string;
  kind: Episode["kind"];
  text: string;
  speaker: string | null;
  happened_at: Date | string;
  visibility: Visibility;
  world: string | null;
  place: string | null;
  importance: number;
  source_turn: string | null;
  score: number;
}

// Any of the query's stemmed words may match (a natural question rarely shares all its words
// with the answer), each weighted by how rare it is among this companion's memories (BM25's
// idf; Postgres's own ranking has none) times its weighted frequency in the memory. Weights
// {D, C, B, A}: the turn itself (A) counts 1, a neighbouring turn's words (C) count half.
// Measured on LoCoMo recall@10: neighbours at 0 → 0.627, 0.2 → 0.670, 0.5 → 0.700, 0.6 → 0.703;
// with neighbours at 0.5 but no idf, 0.677 (npm run bench -- memory-locomo).
const RECALL_SQL = `
  WITH terms AS (
    SELECT DISTINCT quote_literal(lexeme)::tsquery AS q FROM unnest(to_tsvector('english', $1))
  ),
  matches AS (
    SELECT m.id, m.seq, m.search FROM memories m
    WHERE m.companion_id = $2 AND m.owner_id = $3 AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $6)
      AND m.search @@ (SELECT string_agg(q::text, ' | ')::tsquery FROM terms)
  ),
  -- Materialised: inlined, the planner counts once per matching row.
  total AS MATERIALIZED (
    SELECT count(*)::float8 AS n FROM memories
    WHERE companion_id = $2 AND owner_id = $3 AND ($4 OR visibility = 'shared' OR speaker_id = $6)
  ),
  pairs AS (
    SELECT m.id, m.seq, t.q, ts_rank('{0.1, 0.5, 0.4, 1.0}', m.search, t.q) AS weight, count(*) OVER (PARTITION BY t.q) AS df
    FROM matches m JOIN terms t ON m.search @@ t.q
  ),
  scored AS (
    SELECT p.id, sum(ln(1 + (total.n - p.df + 0.5) / (p.df + 0.5)) * p.weight) AS score
    FROM pairs p CROSS JOIN total
    GROUP BY p.id, p.seq
    ORDER BY score DESC, p.seq DESC
    LIMIT $5
  )
  SELECT m.id, m.kind, m.text, m.speaker, m.happened_at, m.visibility, m.world, m.place, m.importance,
         m.source_turn, s.score
  FROM scored s JOIN memories m ON m.id = s.id
  -- Ties: the more recent memory first, so results are the same on every run.
  ORDER BY s.score DESC, m.seq DESC
`;

/** The memories most relevant to `query`, best first; privacy decided by who is speaking. */
export async function recall(db: Queryable, query: string, options: RecallOptions): Promise<RecalledEpisode[]> {
  if (!Number.isInteger(options.k) || options.k < 1) throw new Error(`k must be a positive integer, got ${options.k}`);
  if (!query.trim()) return [];
  // Fusion reads each ranking deeper than k; without a model ready, full-text needs only k.
  const depth = options.embeddings && options.embeddings.available !== false ? Math.max(FUSION_DEPTH, options.k) : options.k;
  // The query is embedded (onnxruntime's threads) while the full-text query runs.
  const [rows, queryVector] = await Promise.all([
    db.query<MemoryRow>(RECALL_SQL, [query, options.companionId, options.ownerId, options.speakerIsOwner, depth, options.speakerId ?? null]),
    options.embeddings?.embedQuery(query) ?? null,
  ]);
  const fullText = rows.map(toRecalledEpisode);
  return queryVector ? fuseWithVectors(db, fullText, queryVector, options) : fullText.slice(0, options.k);
}

/** A memories row (with a score) as the episode it stores. */
export function toRecalledEpisode(r: MemoryRow): RecalledEpisode {
  return {
    id: r.id,
    kind: r.kind,
    text: r.text,
    speaker: r.speaker,
    happenedAt: new Date(r.happened_at),
    visibility: r.visibility,
    world: r.world,
    place: r.place,
    importance: Number(r.importance),
    sourceTurn: r.source_turn,
    score: Number(r.score),
  };
}
