import path from "node:path";
import type { Database } from "./database";
import { migrate, type MigrationReport } from "./migrate";
import { MIGRATIONS } from "./migrations";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export interface OpenDatabaseOptions {
  dataDir: string;
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string | undefined;
}

/** The configured database, migrated to the current schema. */
export async function openDatabase({ dataDir, databaseUrl }: OpenDatabaseOptions): Promise<{ db: Database; migrations: MigrationReport }> {
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite({ dataDir: path.join(dataDir, "db") });
  try {
    return { db, migrations: await migrate(db, MIGRATIONS) };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
