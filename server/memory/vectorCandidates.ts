import type { Queryable } from "../storage";
import { toVectorLiteral, type EmbeddingModelRef, type QueryEmbedding } from "./embeddings";
import type { MemoryScope } from "./recall/memoryScope";

export interface VectorCandidateOptions extends MemoryScope {
  limit: number;
}

export interface VectorCandidate {
  id: string;
  /** Cosine distance, 0 (same direction) to 2. */
  distance: number;
}

/**
 * The memories nearest to the query's vector, nearest first, among those this speaker may see.
 * The visibility predicate is in the SQL, never applied after fetching. The cast and model
 * predicate are written as literals, exactly as in the model's partial HNSW index
 * (embeddingStore.ts), or the planner could not match it. Iterative index scans (pgvector 0.8)
 * keep reading the index until `limit` rows pass the filter, so a companion with few memories
 * in a large table still gets its nearest ones. Relaxed order (re-sorted after): someone other
 * than the owner sees one memory in five, and strict order took twice as long to find 50 of them
 * at 100k memories (memory-scale bench).
 */
export async function vectorCandidates(
  db: Queryable & { transaction?: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T> },
  query: QueryEmbedding,
  options: VectorCandidateOptions,
): Promise<VectorCandidate[]> {
  const { model, vector } = query;
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error(`limit must be a positive integer, got ${options.limit}`);
  if (vector.length !== model.dimensions) throw new Error(`the query vector has ${vector.length} dimensions, the model ${model.dimensions}`);
  const sql = nearestMemoriesSql(model);
  const params = [toVectorLiteral(vector), options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, options.limit];
  const run = async (tx: Queryable) => {
    // Local settings (SET LOCAL, both in one round trip): they end with this transaction, whatever
    // connection of a pool it ran on.
    await tx.query("SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', $1, true)", [
      String(Math.min(1000, Math.max(40, options.limit))),
    ]);
    return tx.query<{ id: string; distance: number }>(sql, params);
  };
  const rows = db.transaction ? await db.transaction(run) : await run(db);
  return rows.map((r) => ({ id: r.id, distance: Number(r.distance) }));
}

/**
 * The SQL behind vectorCandidates, exported so tests and benchmarks can EXPLAIN it. Parameters:
 * $1 the query vector (text form), $2 companion, $3 owner, $4 speaker is owner, $5 speaker id, $6 limit.
 */
export function nearestMemoriesSql(model: EmbeddingModelRef): string {
  if (!Number.isInteger(model.id) || !Number.isInteger(model.dimensions)) throw new Error("an embedding model reference needs integer id and dimensions");
  const cast = `vector(${model.dimensions})`;
  return `
    WITH nearest AS MATERIALIZED (
      SELECT e.memory_id AS id, e.embedding::${cast} <=> $1::${cast} AS distance
      FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id
      WHERE e.model_id = ${model.id} AND m.companion_id = $2 AND m.owner_id = $3
        AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $5)
      ORDER BY e.embedding::${cast} <=> $1::${cast}
      LIMIT $6
    )
    SELECT id, distance FROM nearest ORDER BY distance`;
}
