import type { Migration } from "./migration";

/**
 * How many of a companion's memories hold each stemmed word, and how many memories there are:
 * full-text recall weights a word by its rarity (BM25's idf) and searches the index for the
 * question's rarest words only, and counting them per question would read every memory that
 * holds a common word (server/memory/recall/queryTerms.ts).
 *
 * Kept by statement-level triggers on `memories` (transition tables: one aggregate per statement,
 * so importing 10k memories costs one upsert per word, not one per memory and word). `shared`
 * counts the shareable memories only: someone other than the owner gets word weights from the
 * memories they may see, never from the private ones. A word whose count falls to 0 keeps its row
 * (harmless, bounded by the vocabulary); a deleted companion's rows go with it (cascade), and a
 * trigger running inside that cascade, after the companion is gone, writes nothing.
 */
export const memoryLexemesMigration: Migration = {
  version: 8,
  name: "memory word counts for full-text recall",
  up: `
    CREATE TABLE memory_lexemes (
      companion_id uuid NOT NULL REFERENCES companions (id) ON DELETE CASCADE,
      owner_id uuid NOT NULL,
      lexeme text NOT NULL,
      memories integer NOT NULL,
      shared integer NOT NULL,
      PRIMARY KEY (companion_id, owner_id, lexeme)
    );
    CREATE TABLE memory_counts (
      companion_id uuid NOT NULL REFERENCES companions (id) ON DELETE CASCADE,
      owner_id uuid NOT NULL,
      memories integer NOT NULL,
      shared integer NOT NULL,
      PRIMARY KEY (companion_id, owner_id)
    );

    -- One changed memory: +1 for a new version, -1 for an old one.
    CREATE TYPE memory_count_change AS (companion_id uuid, owner_id uuid, shared integer, search tsvector, sign integer);

    -- plpgsql: its statements' plans are kept for the session, a SQL function's are not.
    CREATE FUNCTION memory_counts_apply(changes memory_count_change[]) RETURNS void LANGUAGE plpgsql AS $body$
    BEGIN
      INSERT INTO memory_lexemes (companion_id, owner_id, lexeme, memories, shared)
      SELECT c.companion_id, c.owner_id, lexeme, sum(c.sign), sum(c.sign * c.shared)
      FROM unnest(changes) c CROSS JOIN unnest(tsvector_to_array(c.search)) lexeme
      WHERE EXISTS (SELECT 1 FROM companions WHERE id = c.companion_id)
      GROUP BY 1, 2, 3
      -- An edit that changed neither words nor visibility cancels out.
      HAVING sum(c.sign) <> 0 OR sum(c.sign * c.shared) <> 0
      ON CONFLICT (companion_id, owner_id, lexeme) DO UPDATE
        SET memories = memory_lexemes.memories + excluded.memories, shared = memory_lexemes.shared + excluded.shared;
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

    CREATE FUNCTION memories_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      PERFORM memory_counts_apply(ARRAY(
        SELECT ROW(companion_id, owner_id, (visibility = 'shared')::int, search, 1)::memory_count_change FROM added));
      RETURN NULL;
    END
    $body$;
    CREATE FUNCTION memories_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      PERFORM memory_counts_apply(ARRAY(
        SELECT ROW(companion_id, owner_id, (visibility = 'shared')::int, search, -1)::memory_count_change FROM removed));
      RETURN NULL;
    END
    $body$;
    CREATE FUNCTION memories_count_updated() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      PERFORM memory_counts_apply(ARRAY(
        SELECT ROW(companion_id, owner_id, (visibility = 'shared')::int, search, 1)::memory_count_change FROM added
        UNION ALL
        SELECT ROW(companion_id, owner_id, (visibility = 'shared')::int, search, -1)::memory_count_change FROM removed));
      RETURN NULL;
    END
    $body$;

    CREATE TRIGGER memories_count_inserted AFTER INSERT ON memories
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION memories_count_inserted();
    CREATE TRIGGER memories_count_deleted AFTER DELETE ON memories
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION memories_count_deleted();
    CREATE TRIGGER memories_count_updated AFTER UPDATE ON memories
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION memories_count_updated();

    INSERT INTO memory_lexemes (companion_id, owner_id, lexeme, memories, shared)
    SELECT companion_id, owner_id, lexeme, count(*), count(*) FILTER (WHERE visibility = 'shared')
    FROM memories CROSS JOIN unnest(tsvector_to_array(search)) lexeme
    GROUP BY 1, 2, 3;
    INSERT INTO memory_counts (companion_id, owner_id, memories, shared)
    SELECT companion_id, owner_id, count(*), count(*) FILTER (WHERE visibility = 'shared')
    FROM memories GROUP BY 1, 2;

    -- Without autovacuum (PGlite) new entries wait in the GIN index's pending list, up to 4 MB of
    -- it, which every search reads through and which makes the planner choose a sequential scan:
    -- 73 ms instead of 1 ms for a word in 66 of 10k memories. Entries now go straight into the
    -- index (about 0.7 ms more per stored memory).
    ALTER INDEX memories_search SET (fastupdate = off);
    SELECT gin_clean_pending_list('memories_search'::regclass);
  `,
};
