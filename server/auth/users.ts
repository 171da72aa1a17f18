import { randomUUID } from "node:crypto";
import type { Queryable } from "../storage";

export interface User {
  id: string;
  name: string;
  createdAt: Date;
  lastSeenAt: Date;
}

interface UserRow {
  id: string;
  name: string;
  created_at: Date;
  last_seen_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UserStore {
  create(name: string): Promise<User>;
  find(id: string): Promise<User | undefined>;
  /** Marks the user as seen now, renaming them when `name` is given; undefined if unknown. */
  touch(id: string, name?: string): Promise<User | undefined>;
}

export function createUserStore(db: Queryable): UserStore {
  return {
    async create(name) {
      const rows = await db.query<UserRow>("INSERT INTO users (id, name) VALUES ($1, $2) RETURNING *", [randomUUID(), name]);
      return toUser(rows[0]!);
    },
    async find(id) {
      if (!UUID.test(id)) return undefined;
      const rows = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
      return rows[0] && toUser(rows[0]);
    },
    async touch(id, name) {
      if (!UUID.test(id)) return undefined;
      const rows = await db.query<UserRow>(
        "UPDATE users SET last_seen_at = now(), name = COALESCE($2, name) WHERE id = $1 RETURNING *",
        [id, name ?? null],
      );
      return rows[0] && toUser(rows[0]);
    },
  };
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, createdAt: row.created_at, lastSeenAt: row.last_seen_at };
}
