import type { PGlite } from "@electric-sql/pglite";

/** How often the embedded database looks for tables to vacuum, by default. */
export const VACUUM_EVERY_MS = 5 * 60_000;

// PostgreSQL's own autovacuum defaults: a table is vacuumed once its dead rows pass 50 plus a
// fifth of its rows.
const THRESHOLD = 50;
const SCALE = 0.2;

/**
 * Vacuums every table whose dead rows passed autovacuum's threshold; returns their names.
 * PGlite runs no autovacuum worker, and some rows are rewritten for every stored line: each new
 * memory rewrites the one before it (its neighbour's words, searched at a low weight) and the word
 * counts of its words (migration 008). Unvacuumed, the old versions stay in the table and in its
 * full-text index, which every search then reads through: one dead version per memory doubled
 * the memories table. Counts of dead rows live in this process's statistics only (PGlite does not
 * keep them across a restart): what died before a restart waits for the next pass over the table.
 */
export async function vacuumDeadRows(pglite: PGlite): Promise<string[]> {
  // Statistics reach the shared counts once a second at most; this flushes them at once.
  await pglite.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await pglite.query<{ name: string }>(
    `SELECT format('%I.%I', s.schemaname, s.relname) AS name
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.n_dead_tup > $1 + $2 * greatest(s.n_live_tup, c.reltuples)
     ORDER BY s.n_dead_tup DESC`,
    [THRESHOLD, SCALE],
  );
  // One at a time: a vacuum holds the only connection while it runs.
  for (const { name } of rows) await pglite.exec(`VACUUM ${name}`);
  return rows.map((r) => r.name);
}

/**
 * Runs `vacuumDeadRows` every `everyMs` while the database is open; the timer never keeps the
 * process alive. A failed pass (the database closing under it) is retried at the next tick.
 * Returns the function that stops it.
 */
export function startVacuuming(pglite: PGlite, everyMs = VACUUM_EVERY_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || pglite.closed) return;
    running = true;
    vacuumDeadRows(pglite)
      .catch(() => undefined)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
