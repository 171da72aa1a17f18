import type { Migration } from "./migration";

export const usersMigration: Migration = {
  version: 1,
  name: "vector extension and users",
  up: `
    CREATE EXTENSION IF NOT EXISTS vector;

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
