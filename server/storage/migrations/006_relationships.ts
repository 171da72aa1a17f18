import type { Migration } from "./migration";

/** How things stand between an owner and their companion; milestones are memories of kind 'milestone'. */
export const relationshipsMigration: Migration = {
  version: 6,
  name: "relationships (closeness, trust, mood, counters)",
  up: `
    CREATE TABLE relationships (
      owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      companion_id uuid NOT NULL REFERENCES companions (id) ON DELETE CASCADE,
      closeness real NOT NULL CHECK (closeness >= 0 AND closeness <= 1),
      trust real NOT NULL CHECK (trust >= 0 AND trust <= 1),
      -- -1 (low) .. 1 (bright)
      mood real NOT NULL CHECK (mood >= -1 AND mood <= 1),
      interactions integer NOT NULL DEFAULT 0,
      conversations integer NOT NULL DEFAULT 0,
      personal_shares integer NOT NULL DEFAULT 0,
      first_met timestamptz NOT NULL,
      last_seen timestamptz NOT NULL,
      -- Milestones already reached (first_meeting, first_personal, conversations_10, anniversary_1…).
      milestones text[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (owner_id, companion_id)
    );
  `,
};
