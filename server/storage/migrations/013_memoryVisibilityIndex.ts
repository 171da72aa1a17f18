import type { Migration } from "./migration";

/**
 * Who may see each memory, by seq, in one index: the vector index's candidates are checked against
 * it one after another (server/memory/vectorIndex/nearestThroughIndex.ts), someone other than the
 * owner about five for each one they may see. With the columns the check reads in the index, a
 * probe reads no table page once vacuum has marked the pages all-visible (a running server's
 * memories are vacuumed again and again: each new memory rewrites the one before it): at 10k
 * memories the check of 250 candidates cost the server's thread about 1.5 ms instead of 2.
 */
export const memoryVisibilityIndexMigration: Migration = {
  version: 13,
  name: "who may see each memory, by seq",
  up: `
    CREATE INDEX memories_seen_by ON memories (seq) INCLUDE (companion_id, owner_id, visibility, speaker_id, id);
  `,
};
