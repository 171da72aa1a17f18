import type { Migration } from "./migration";

export const memoriesMigration: Migration = {
  version: 3,
  name: "memories (episodes) with full-text search",
  up: `
    CREATE TABLE memories (
      id uuid PRIMARY KEY,
      -- Insertion order: "the turn before this one" even when many turns share one time.
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      companion_id uuid NOT NULL REFERENCES companions (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('episode')),
      visibility text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
      text text NOT NULL,
      speaker text,
      happened_at timestamptz NOT NULL DEFAULT now(),
      world text,
      place text,
      importance real NOT NULL DEFAULT 0.5 CHECK (importance >= 0 AND importance <= 1),
      source_turn text,
      -- The neighbouring turns' text, searched at a low weight: a question's words are often
      -- split between a turn and the one that answers it.
      before_text text NOT NULL DEFAULT '',
      after_text text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(speaker, '') || ' ' || text), 'A') ||
        setweight(to_tsvector('english'::regconfig, before_text || ' ' || after_text), 'C')
      ) STORED
    );
    CREATE INDEX memories_search ON memories USING gin (search);
    CREATE INDEX memories_scope ON memories (companion_id, owner_id, seq);
  `,
};
