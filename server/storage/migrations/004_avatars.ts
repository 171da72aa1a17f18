import type { Migration } from "./migration";

export const avatarsMigration: Migration = {
  version: 4,
  name: "uploaded VRM avatars",
  up: `
    -- One row per uploaded VRM; the file itself is <data dir>/avatars/<id>.vrm. The id is a random
    -- UUID: the file is served to anyone who knows it (everyone in a room must see the body).
    CREATE TABLE avatars (
      id uuid PRIMARY KEY,
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      file_name text NOT NULL,
      bytes integer NOT NULL CHECK (bytes > 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      vrm_version text NOT NULL CHECK (vrm_version IN ('0.x', '1.0')),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX avatars_owner ON avatars (owner_id, created_at);
  `,
};
