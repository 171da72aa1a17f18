import type { Queryable } from "../storage";
import type { Episode, Visibility } from "./episode";
import type { MemoryScope } from "./recall/memoryScope";
import type { QueryEmbedder } from "./embeddings";
import { fullTextRanking, fullTextRecall, MAX_REACH } from "./recall/fullTextRecall";
import { withRows } from "./recall/memoriesBySeq";
import { vectorRanking } from "./vectorCandidates";
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

/** The memories most relevant to `query`, best first; privacy decided by who is speaking. */
export async function recall(db: Queryable, query: string, options: RecallOptions): Promise<RecalledEpisode[]> {
  if (!Number.isInteger(options.k) || options.k < 1) throw new Error(`k must be a positive integer, got ${options.k}`);
  if (!query.trim()) return [];
  // Without a model ready, full-text recall needs only k, with their rows. Asking the embedder
  // anyway is what starts loading its model (it answers null until the model is ready).
  const embeddings = options.embeddings;
  if (!embeddings || embeddings.available === false) {
    const [found] = await Promise.all([fullTextRecall(db, query, options, options.k), embeddings?.embedQuery(query)]);
    return found;
  }
  // Fusion reads each ranking deeper than k, seqs only. The query is embedded (in the model's
  // process) while the full-text query runs, and the vector search starts as soon as it is: the
  // graph is searched on the index thread while the database (one statement at a time, on this
  // thread) still ranks words.
  const depth = Math.max(FUSION_DEPTH, options.k);
  const [matched, nearest] = await Promise.all([
    fullTextRanking(db, query, options, depth, MAX_REACH, options.k),
    embeddings.embedQuery(query).then((embedded) => embedded && vectorRanking(db, embedded, { ...options, limit: depth, index: embeddings.vectorIndex })),
  ]);
  // The model may fail to embed this query after all: then the full-text ranking alone, with its scores.
  return nearest ? fuseWithVectors(db, matched, nearest, options) : withRows(db, matched, options.k, options);
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
