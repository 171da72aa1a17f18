import type { Queryable } from "../storage";
import { toVectorLiteral, type EmbeddingModelRef, type QueryEmbedding } from "./embeddings";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "./recall";
import type { MemoryScope } from "./recall/memoryScope";
import { nearestThroughIndex, type MemoryVectorIndex } from "./vectorIndex";

export interface VectorCandidateOptions extends MemoryScope {
  limit: number;
  /** The companions' native HNSW indexes: used once this companion's is ready (embedded storage). */
  index?: MemoryVectorIndex | undefined;
}

export interface VectorCandidate {
  id: string;
  /** Cosine distance, 0 (same direction) to 2. */
  distance: number;
}

/**
 * The memories nearest to the query's vector, nearest first, among those this speaker may see,
 * with what they hold (score: the cosine distance of the stored vectors). Through the companion's
 * native index when it is ready (see nearestThroughIndex); otherwise, or when that falls short,
 * the database searches itself.
 */
export async function nearestMemories(db: Queryable, query: QueryEmbedding, options: VectorCandidateOptions): Promise<RecalledEpisode[]> {
  const { model, vector } = query;
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error(`limit must be a positive integer, got ${options.limit}`);
  if (vector.length !== model.dimensions) throw new Error(`the query vector has ${vector.length} dimensions, the model ${model.dimensions}`);
  const index = options.index?.opened(model, options.companionId);
  return (index && (await nearestThroughIndex(db, index, query, options))) || nearestInDatabase(db, query, options);
}

/**
 * The database's own search. One statement: `memory_nearest` (migration 010) runs the model's
 * HNSW search with the visibility predicate inside it, never applied after fetching, and with pgvector's iterative scan, so a companion with few memories in a large table,
 * or a speaker who may see one memory in five, still gets `limit` of them.
 */
async function nearestInDatabase(db: Queryable, { model, vector }: QueryEmbedding, options: VectorCandidateOptions): Promise<RecalledEpisode[]> {
  const rows = await db.query<MemoryRow>(
    `SELECT m.id, m.kind, m.text, m.speaker, m.happened_at, m.visibility, m.world, m.place, m.importance, m.source_turn, n.distance AS score
     FROM memory_nearest($1, $2, $3, $4, $5, $6, $7, $8) n JOIN memories m ON m.id = n.id
     ORDER BY n.distance, m.seq DESC`,
    [model.id, model.dimensions, toVectorLiteral(vector), options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, options.limit],
  );
  return rows.map(toRecalledEpisode);
}

/** The ids and distances of nearestMemories. */
export async function vectorCandidates(db: Queryable, query: QueryEmbedding, options: VectorCandidateOptions): Promise<VectorCandidate[]> {
  return (await nearestMemories(db, query, options)).map((m) => ({ id: m.id, distance: m.score }));
}

/**
 * The SQL `memory_nearest` runs for `model`, so tests and benchmarks can EXPLAIN it. Parameters:
 * $1 the query vector (text form), $2 companion, $3 owner, $4 speaker is owner, $5 speaker id, $6 limit.
 */
export async function nearestMemoriesSql(db: Queryable, model: EmbeddingModelRef): Promise<string> {
  if (!Number.isInteger(model.id) || !Number.isInteger(model.dimensions)) throw new Error("an embedding model reference needs integer id and dimensions");
  const [row] = await db.query<{ sql: string }>("SELECT memory_nearest_sql($1, $2) AS sql", [model.id, model.dimensions]);
  return row!.sql;
}
