import type { Migration } from "./migration";

/**
 * Sentence embeddings of memories, for vector recall beside full-text search.
 *
 * Each model's vectors have that model's dimension, and switching models must not need a schema
 * change, so vectors sit in one side table with an untyped `vector` column tagged by model, and
 * each model gets its own partial HNSW index on `embedding::vector(<dimension>)`, created when the
 * model is first registered (server/memory/embeddings/embeddingStore.ts), before its first vector
 * arrives: the index grows as memories arrive, never in one bulk build. Queries repeat the same
 * cast and model predicate so the planner can use that index (pgvector's documented pattern for
 * mixed dimensions). Another model's vectors stay until that model is removed from
 * `embedding_models` (cascade).
 */
export const memoryEmbeddingsMigration: Migration = {
  version: 7,
  name: "memory embeddings per model (pgvector)",
  up: `
    CREATE EXTENSION IF NOT EXISTS vector;
    CREATE TABLE embedding_models (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      -- A Hugging Face model id or a local model directory.
      name text NOT NULL UNIQUE,
      dimensions integer NOT NULL CHECK (dimensions BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE memory_embeddings (
      memory_id uuid NOT NULL REFERENCES memories (id) ON DELETE CASCADE,
      model_id integer NOT NULL REFERENCES embedding_models (id) ON DELETE CASCADE,
      embedding vector NOT NULL,
      PRIMARY KEY (memory_id, model_id)
    );
  `,
};
