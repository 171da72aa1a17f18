import type { Migration } from "./migration";

/**
 * The most times each stemmed word occurs in one memory (`max_positions`, its positions in one
 * stored tsvector): what bounds the rank one word can add to a memory, far below the bound that
 * holds for any word. Full-text recall's second pass (server/memory/recall/wordCombinations.ts)
 * ranks only memories whose words' bounds can still reach the results; a word found once per
 * memory (most are) bounds at 0.61 instead of 1, so fewer combinations qualify.
 *
 * Kept by migration 008's trigger function (replaced here): an insert or an edit raises it, a
 * deletion leaves it (a bound too high prunes less, never wrongly). `memory_query_terms`
 * (migration 011) returns it with the counts.
 */
export const memoryLexemePositionsMigration: Migration = {
  version: 12,
  name: "most occurrences of each word in one memory",
  up: `
    ALTER TABLE memory_lexemes ADD COLUMN max_positions integer NOT NULL DEFAULT 0;

    CREATE OR REPLACE FUNCTION memory_counts_apply(changes memory_count_change[]) RETURNS void LANGUAGE plpgsql AS $body$
    BEGIN
      INSERT INTO memory_lexemes (companion_id, owner_id, lexeme, memories, shared, max_positions)
      SELECT c.companion_id, c.owner_id, w.lexeme, sum(c.sign), sum(c.sign * c.shared),
             coalesce(max(coalesce(array_length(w.positions, 1), 1)) FILTER (WHERE c.sign > 0), 0)
      FROM unnest(changes) c CROSS JOIN unnest(c.search) w
      WHERE EXISTS (SELECT 1 FROM companions WHERE id = c.companion_id)
      GROUP BY 1, 2, 3
      -- An edit that changed neither words, visibility nor how often a word occurs cancels out.
      HAVING sum(c.sign) <> 0 OR sum(c.sign * c.shared) <> 0
          OR max(coalesce(array_length(w.positions, 1), 1)) FILTER (WHERE c.sign > 0)
             > coalesce(max(coalesce(array_length(w.positions, 1), 1)) FILTER (WHERE c.sign < 0), 0)
      ON CONFLICT (companion_id, owner_id, lexeme) DO UPDATE
        SET memories = memory_lexemes.memories + excluded.memories, shared = memory_lexemes.shared + excluded.shared,
            max_positions = greatest(memory_lexemes.max_positions, excluded.max_positions);
      INSERT INTO memory_counts (companion_id, owner_id, memories, shared)
      SELECT c.companion_id, c.owner_id, sum(c.sign), sum(c.sign * c.shared)
      FROM unnest(changes) c
      WHERE EXISTS (SELECT 1 FROM companions WHERE id = c.companion_id)
      GROUP BY 1, 2
      HAVING sum(c.sign) <> 0 OR sum(c.sign * c.shared) <> 0
      ON CONFLICT (companion_id, owner_id) DO UPDATE
        SET memories = memory_counts.memories + excluded.memories, shared = memory_counts.shared + excluded.shared;
    END
    $body$;

    UPDATE memory_lexemes l SET max_positions = m.max_positions
    FROM (
      SELECT companion_id, owner_id, w.lexeme, max(coalesce(array_length(w.positions, 1), 1)) AS max_positions
      FROM memories CROSS JOIN unnest(search) w
      GROUP BY 1, 2, 3
    ) m
    WHERE l.companion_id = m.companion_id AND l.owner_id = m.owner_id AND l.lexeme = m.lexeme;

    -- The same look-up as migration 011's, with the new column (a function's result type cannot be altered).
    DROP FUNCTION memory_query_terms(text, uuid, uuid, boolean);
    CREATE FUNCTION memory_query_terms(question text, companion uuid, owner uuid, speaker_is_owner boolean)
    RETURNS TABLE (lexeme text, query text, memories integer, seen integer, max_positions integer, total integer, seen_total integer)
    LANGUAGE plpgsql STABLE
    ROWS 10
    SET plan_cache_mode = force_generic_plan AS $body$
    BEGIN
      RETURN QUERY
      SELECT w.lexeme, quote_literal(w.lexeme)::tsquery::text, coalesce(l.memories, 0),
             coalesce(CASE WHEN speaker_is_owner THEN l.memories ELSE l.shared END, 0), coalesce(l.max_positions, 0), c.memories,
             CASE WHEN speaker_is_owner THEN c.memories ELSE c.shared END
      FROM unnest(tsvector_to_array(to_tsvector('english', question))) AS w(lexeme)
      LEFT JOIN LATERAL (
        SELECT l.memories, l.shared, l.max_positions FROM memory_lexemes l
        WHERE l.companion_id = companion AND l.owner_id = owner AND l.lexeme = w.lexeme LIMIT 1
      ) l ON true
      LEFT JOIN memory_counts c ON c.companion_id = companion AND c.owner_id = owner;
    END
    $body$;
  `,
};
