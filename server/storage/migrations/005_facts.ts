import type { Migration } from "./migration";

/**
 * Facts about the owner (with history: a contradicted fact is marked superseded and points at the
 * one that replaced it), and the fields every memory carries beyond its text: who took part, the
 * feeling, whether the turn was cut off, and kinds beyond episodes (reflections, milestones).
 */
export const factsMigration: Migration = {
  version: 5,
  name: "facts about the owner; memory kinds, participants and emotion",
  up: `
    ALTER TABLE memories DROP CONSTRAINT memories_kind_check;
    ALTER TABLE memories ADD CONSTRAINT memories_kind_check CHECK (kind IN ('episode', 'reflection', 'milestone'));
    ALTER TABLE memories ADD COLUMN participants text[] NOT NULL DEFAULT '{}';
    ALTER TABLE memories ADD COLUMN emotion text;
    ALTER TABLE memories ADD COLUMN interrupted boolean NOT NULL DEFAULT false;
    -- The user who said it, when a person said it: they may hear their own words back.
    ALTER TABLE memories ADD COLUMN speaker_id uuid;
    CREATE INDEX memories_time ON memories (companion_id, owner_id, happened_at);

    CREATE TABLE facts (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      companion_id uuid NOT NULL REFERENCES companions (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('like', 'dislike', 'person', 'place', 'plan', 'other')),
      -- What the fact is about ("sister", "home", "tea"); fact_key groups facts that contradict
      -- each other ("likes tea" and "dislikes tea" share taste:tea).
      subject text NOT NULL,
      fact_key text NOT NULL,
      value text NOT NULL,
      confidence real NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      source_episodes uuid[] NOT NULL DEFAULT '{}',
      valid_from timestamptz NOT NULL,
      superseded_by uuid REFERENCES facts (id) ON DELETE SET NULL,
      superseded_at timestamptz,
      plan_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, kind || ' ' || subject || ' ' || value)
      ) STORED
    );
    -- One current fact per key: the store supersedes, it never keeps two answers.
    CREATE UNIQUE INDEX facts_current ON facts (companion_id, owner_id, fact_key) WHERE superseded_at IS NULL;
    CREATE INDEX facts_search ON facts USING gin (search);
  `,
};
