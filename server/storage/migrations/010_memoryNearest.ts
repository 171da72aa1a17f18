import type { Migration } from "./migration";

/**
 * Vector recall in one statement. An HNSW search filtered by companion and visibility needs
 * pgvector's iterative scan (or it returns fewer rows than asked once the filter drops some) and
 * an ef_search of at least the rows wanted; setting them took a transaction and two more round
 * trips per recall. A function's SET clauses apply to its own execution only, so the settings
 * need no transaction and never leak into the session, on PGlite or on a pooled PostgreSQL.
 *
 * `memory_nearest_sql` is the query the function runs, readable on its own so tests and
 * benchmarks can EXPLAIN it: the cast and model predicate are written as literals, exactly as in
 * the model's partial HNSW index (server/memory/embeddings/embeddingStore.ts), or the planner
 * could not match it. Relaxed order: the caller sorts by distance (strict order took twice as long
 * for someone other than the owner, who may see one memory in five, at 100k memories).
 * Parameters of the query: $1 the query vector (text), $2 companion, $3 owner, $4 speaker is
 * owner, $5 speaker id, $6 how many.
 */
export const memoryNearestMigration: Migration = {
  version: 10,
  name: "vector recall in one statement",
  up: `
    CREATE FUNCTION memory_nearest_sql(model integer, dimensions integer) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $body$
      SELECT format($query$
        SELECT e.memory_id AS id, e.embedding::vector(%2$s) <=> $1::vector(%2$s) AS distance
        FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id
        WHERE e.model_id = %1$s AND m.companion_id = $2 AND m.owner_id = $3
          AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $5)
        ORDER BY e.embedding::vector(%2$s) <=> $1::vector(%2$s)
        LIMIT $6$query$, model, dimensions)
    $body$;

    CREATE FUNCTION memory_nearest(model integer, dimensions integer, query text, companion uuid, owner uuid,
                                   speaker_is_owner boolean, speaker uuid, wanted integer)
    RETURNS TABLE (id uuid, distance double precision) LANGUAGE plpgsql STABLE
    -- What recall asks for: with the default estimate (1000) a join to memories read them all.
    ROWS 50
    SET hnsw.iterative_scan = 'relaxed_order' SET hnsw.ef_search = 40 AS $body$
    BEGIN
      -- Local to this function: its SET clause restores the value on return.
      PERFORM set_config('hnsw.ef_search', least(1000, greatest(40, wanted))::text, true);
      RETURN QUERY EXECUTE memory_nearest_sql(model, dimensions) USING query, companion, owner, speaker_is_owner, speaker, wanted;
    END
    $body$;
  `,
};
