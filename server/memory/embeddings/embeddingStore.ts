import type { Queryable } from "../../storage";

/** The model vectors are stored under, as registered in `embedding_models`. */
export interface EmbeddingModelRef {
  id: number;
  dimensions: number;
}

export interface PendingMemory {
  id: string;
  seq: number;
  companionId: string;
  /** What is embedded: the speaker's name and the text, as the turn was said. */
  text: string;
}

/**
 * Registers `name` with its dimension (once) and makes sure its HNSW index exists. A model whose
 * dimension changed (a local directory replaced by another model) starts over: its old vectors
 * cannot be compared with the new ones.
 */
export async function registerEmbeddingModel(db: Queryable, name: string, dimensions: number): Promise<EmbeddingModelRef> {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 2000) {
    throw new Error(`an embedding dimension must be a whole number within 1..2000 (pgvector's HNSW limit), got ${dimensions}`);
  }
  await db.query("DELETE FROM embedding_models WHERE name = $1 AND dimensions <> $2", [name, dimensions]);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO embedding_models (name, dimensions) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET dimensions = excluded.dimensions RETURNING id`,
    [name, dimensions],
  );
  const model = { id: Number(row!.id), dimensions };
  // Both numbers are integers checked above: DDL takes no parameters.
  await db.query(
    `CREATE INDEX IF NOT EXISTS memory_embeddings_hnsw_${model.id} ON memory_embeddings
     USING hnsw ((embedding::vector(${model.dimensions})) vector_cosine_ops) WHERE model_id = ${model.id}`,
  );
  return model;
}

/**
 * Memories after `afterSeq` (insertion order) that have no vector from `model` yet. Walking by
 * seq keeps each look-up an index range scan, however many memories are already embedded.
 */
export async function pendingMemories(db: Queryable, model: EmbeddingModelRef, afterSeq: number, limit: number): Promise<PendingMemory[]> {
  const rows = await db.query<{ id: string; seq: string | number; companion_id: string; speaker: string | null; text: string }>(
    `SELECT m.id, m.seq, m.companion_id, m.speaker, m.text FROM memories m
     WHERE m.seq > $2 AND NOT EXISTS (SELECT 1 FROM memory_embeddings e WHERE e.memory_id = m.id AND e.model_id = $1)
     ORDER BY m.seq LIMIT $3`,
    [model.id, afterSeq, limit],
  );
  return rows.map((r) => ({ id: r.id, seq: Number(r.seq), companionId: r.companion_id, text: r.speaker ? `${r.speaker}: ${r.text}` : r.text }));
}

/** Stores vectors; a memory deleted meanwhile is skipped, one embedded twice keeps its first vector. */
export async function storeEmbeddings(db: Queryable, model: EmbeddingModelRef, items: ReadonlyArray<{ memoryId: string; vector: readonly number[] }>): Promise<void> {
  if (items.length === 0) return;
  for (const item of items) {
    if (item.vector.length !== model.dimensions) throw new Error(`expected a ${model.dimensions}-d vector, got ${item.vector.length}-d`);
  }
  await db.query(
    `INSERT INTO memory_embeddings (memory_id, model_id, embedding)
     SELECT t.id, $1, t.v::vector FROM unnest($2::uuid[], $3::text[]) AS t(id, v)
     WHERE EXISTS (SELECT 1 FROM memories m WHERE m.id = t.id)
     ON CONFLICT DO NOTHING`,
    [model.id, items.map((i) => i.memoryId), items.map((i) => toVectorLiteral(i.vector))],
  );
}

/** pgvector's text form: [0.1,0.2,…] */
export function toVectorLiteral(vector: readonly number[]): string {
  return `[${vector.join(",")}]`;
}
