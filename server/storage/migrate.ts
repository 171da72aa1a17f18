import type { Database } from "./database";
import type { Migration } from "./migrations";

export interface MigrationReport {
  /** Versions applied by this run, in order (empty when the database was up to date). */
  applied: number[];
  /** The schema version the database is at now. */
  version: number;
}

// Any constant: serialises concurrent starts of several server processes on one PostgreSQL.
const MIGRATION_LOCK_KEY = 7_314_221;

/**
 * Brings the database up to the newest migration. All pending migrations run in one transaction:
 * either the database ends at the new version or nothing changed. Running it again is a no-op.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<MigrationReport> {
  checkOrder(migrations);
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    const rows = await tx.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
    const done = new Set(rows.map((r) => r.version));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...done].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      throw new Error(
        `the database has migration(s) ${unknown.join(", ")} that this version of Kindred does not know: it was used by a newer version`,
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await tx.exec(migration.up);
      } catch (error) {
        throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return { applied, version: migrations.at(-1)?.version ?? 0 };
  });
}

function checkOrder(migrations: readonly Migration[]): void {
  for (let i = 0; i < migrations.length; i++) {
    const m = migrations[i]!;
    if (!Number.isInteger(m.version) || m.version < 1) throw new Error(`migration "${m.name}" has an invalid version ${m.version}`);
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`migrations out of order: ${m.version} (${m.name}) comes after ${previous.version} (${previous.name})`);
    }
  }
}
