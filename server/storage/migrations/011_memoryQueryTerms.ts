import type { Migration } from "./migration";

/**
 * A question's stemmed words with their counts (migration 008), in one function whose plan is
 * made once. As a prepared statement, Postgres planned the look-up again on every call (about 0.6
 * ms of CPU at 10k memories, half the statement): with the question as a constant it knows how
 * many words there are, with it as a parameter it assumes 100, so the plan made once always
 * looked costlier than planning anew. The function's SET clause applies to its own statement only.
 *
 * Each word is one primary-key probe: the LIMIT keeps the planner from turning the look-up into a
 * join that reads every word row of the companion (2,900 of them at 10k memories), which it chose
 * without statistics (PGlite has no autovacuum to gather them). `seen` and `seen_total` count
 * what the speaker may see: every memory for the owner, the shared ones for anyone else.
 */
export const memoryQueryTermsMigration: Migration = {
  version: 11,
  name: "full-text word look-up planned once",
  up: `
    CREATE FUNCTION memory_query_terms(question text, companion uuid, owner uuid, speaker_is_owner boolean)
    RETURNS TABLE (lexeme text, query text, memories integer, seen integer, total integer, seen_total integer)
    LANGUAGE plpgsql STABLE
    -- A question's word count: with the default (1000) the caller's plan would look costly too.
    ROWS 10
    SET plan_cache_mode = force_generic_plan AS $body$
    BEGIN
      RETURN QUERY
      SELECT w.lexeme, quote_literal(w.lexeme)::tsquery::text, coalesce(l.memories, 0),
             coalesce(CASE WHEN speaker_is_owner THEN l.memories ELSE l.shared END, 0), c.memories,
             CASE WHEN speaker_is_owner THEN c.memories ELSE c.shared END
      FROM unnest(tsvector_to_array(to_tsvector('english', question))) AS w(lexeme)
      LEFT JOIN LATERAL (
        SELECT l.memories, l.shared FROM memory_lexemes l
        WHERE l.companion_id = companion AND l.owner_id = owner AND l.lexeme = w.lexeme LIMIT 1
      ) l ON true
      LEFT JOIN memory_counts c ON c.companion_id = companion AND c.owner_id = owner;
    END
    $body$;
  `,
};
