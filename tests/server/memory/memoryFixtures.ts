import { randomUUID } from "node:crypto";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { openTestDatabase } from "../support/database";

/** A migrated in-memory database for one memory test file. */
export async function openMemoryDatabase(): Promise<Database> {
  const db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
  return db;
}

/** A new user and their companion; returns the ids memory is scoped by. */
export async function addOwner(db: Database, name = "Alice"): Promise<{ ownerId: string; companionId: string }> {
  const ownerId = randomUUID();
  const companionId = randomUUID();
  await db.query("INSERT INTO users (id, name) VALUES ($1, $2)", [ownerId, name]);
  await db.query("INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, 'Kin', '{}', 1)", [companionId, ownerId]);
  return { ownerId, companionId };
}
