import type { Queryable } from "../storage";
import { toVectorLiteral, type EmbeddingModelRef, type QueryEmbedding } from "./embeddings";
import type { MemoryScope } from "./recall/memoryScope";
import { nearestThroughIndex, ownerNearestInGraph, type MemoryVectorIndex, type NearSeq } from "./vectorIndex";

export interface VectorCandidateOptions extends MemoryScope {
  limit: number;
  /** The companions' native HNSW indexes: used once this companion's is ready (embedded storage). */
  index?: MemoryVectorIndex | undefined;
}

export interface VectorCandidate {
  id: string;
  seq: number;
  /** Cosine distance of the stored vectors, 0 (same direction) to 2. */
  distance: number;
}

/**
 * The memories nearest to the query's vector, nearest first (equal distances: the more recent
 * first), among those this speaker may see: their ids and exact distances only, since hybrid
 * recall reads the rows of the few it keeps (see vectorFusion). Through the companion's native
 * index when it is ready (see nearestThroughIndex); otherwise, or when that falls short, the
 * database searches itself.
 */
export async function vectorCandidates(db: Queryable, query: QueryEmbedding, options: VectorCandidateOptions): Promise<VectorCandidate[]> {
  const index = openedIndex(query, options);
  const candidates = (index && (await nearestThroughIndex(db, index, query, options))) || (await nearestInDatabase(db, query, options));
  return candidates.map((c) => ({ id: c.id, seq: Number(c.seq), distance: Number(c.distance) }));
}

/**
 * Hybrid recall's vector side, nearest first, by seq. The owner's come from the companion's graph
 * when its index is ready, unchecked: hybrid recall reads its winners' rows with the privacy
 * predicate, which is what decides (see ownerNearestInGraph). Anyone else's, and the owner's
 * without an index, are vectorCandidates: checked by the database before they are ranked.
 */
export async function vectorRanking(db: Queryable, query: QueryEmbedding, options: VectorCandidateOptions): Promise<Array<VectorCandidate | NearSeq>> {
  const index = openedIndex(query, options);
  return (index && options.speakerIsOwner && (await ownerNearestInGraph(index, query, options.limit))) || vectorCandidates(db, query, options);
}

function openedIndex({ model, vector }: QueryEmbedding, options: VectorCandidateOptions) {
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error(`limit must be a positive integer, got ${options.limit}`);
  if (vector.length !== model.dimensions) throw new Error(`the query vector has ${vector.length} dimensions, the model ${model.dimensions}`);
  return options.index?.opened(model, options.companionId) ?? null;
}

/**
 * The database's own search. One statement: `memory_nearest` (migration 010) runs the model's
 * HNSW search with the visibility predicate inside it, never applied after fetching, and with pgvector's iterative scan, so a companion with few memories in a large table,
 * or a speaker who may see one memory in five, still gets `limit` of them.
 */
function nearestInDatabase(db: Queryable, { model, vector }: QueryEmbedding, options: VectorCandidateOptions): Promise<VectorCandidate[]> {
  return db.query<VectorCandidate>(
    `SELECT n.id, m.seq, n.distance
     FROM memory_nearest($1, $2, $3, $4, $5, $6, $7, $8) n JOIN memories m ON m.id = n.id
     ORDER BY n.distance, m.seq DESC`,
    [model.id, model.dimensions, toVectorLiteral(vector), options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, options.limit],
  );
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
