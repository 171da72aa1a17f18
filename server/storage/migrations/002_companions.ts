import type { Migration } from "./migration";

export const companionsMigration: Migration = {
  version: 2,
  name: "companions and their persona versions",
  up: `
    -- One companion per owner for now; the unique owner_id is what makes creation on first join
    -- safe when two joins race.
    CREATE TABLE companions (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      persona jsonb NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- Every persona a companion ever had, the current one included: memories and caches can tell
    -- which persona they saw, and an owner can look back.
    CREATE TABLE companion_persona_versions (
      companion_id uuid NOT NULL REFERENCES companions (id) ON DELETE CASCADE,
      version integer NOT NULL,
      persona jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (companion_id, version)
    );
  `,
};
