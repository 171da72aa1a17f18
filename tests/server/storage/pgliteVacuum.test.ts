import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { recordEpisode } from "../../../server/memory";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { startVacuuming, vacuumDeadRows } from "../../../server/storage/pgliteVacuum";
import { addOwner } from "../memory/memoryFixtures";
import { openTestDatabase } from "../support/database";

const deadRows = async (db: Database, table: string) => {
  await db.query("SELECT pg_stat_force_next_flush()", []);
  return (await db.query<{ n: number }>("SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = $1", [table]))[0]!.n;
};
const pages = async (db: Database, table: string) => (await db.query<{ n: number }>("SELECT (pg_relation_size($1::regclass) / 8192)::int AS n", [table]))[0]!.n;

describe("vacuuming the embedded database (PGlite has no autovacuum)", () => {
  let db: Database & { pglite: PGlite };
  let scope: { ownerId: string; companionId: string };
  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db, MIGRATIONS);
    scope = await addOwner(db);
  });
  afterAll(() => db.close());

  it("clears the dead rows storing lines leaves in memories, and leaves tables with few alone", async () => {
    // Each memory rewrites the one before it (its neighbour's words): one dead row per line.
    for (let i = 0; i < 120; i++) await recordEpisode(db, { ...scope, text: `We walked to lantern ${i} by the harbour`, speaker: "Alice" });
    await db.query("UPDATE memories SET after_text = 'the ferry came' WHERE companion_id = $1", [scope.companionId]);
    expect(await deadRows(db, "memories")).toBeGreaterThan(100);
    await db.query("UPDATE users SET name = 'Alicia' WHERE id = $1", [scope.ownerId]);

    expect(await vacuumDeadRows(db.pglite)).toContain("public.memories");
    expect(await deadRows(db, "memories")).toBe(0);
    expect(await deadRows(db, "users")).toBe(1);
    expect(await vacuumDeadRows(db.pglite)).toEqual([]);
    expect(await deadRows(db, "users")).toBe(1);
  });

  it("keeps a table from growing while the same rows are rewritten again and again", async () => {
    const grown = await pages(db, "memories");
    for (let round = 0; round < 6; round++) {
      await db.query("UPDATE memories SET after_text = $2 WHERE companion_id = $1", [scope.companionId, `round ${round} of the ferry`]);
      await vacuumDeadRows(db.pglite);
    }
    // Six more versions of every row, unvacuumed, would take about six times the pages.
    expect(await pages(db, "memories")).toBeLessThanOrEqual(grown * 2);
    // Recall still reads the right versions.
    expect(await db.query("SELECT count(*)::int AS n FROM memories WHERE search @@ 'round & 5'::tsquery", [])).toEqual([{ n: 120 }]);
  });

  it("runs on its own every so often until stopped", async () => {
    await db.exec("CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes SELECT i, 'a' FROM generate_series(1, 200) i");
    const stop = startVacuuming(db.pglite, 20);
    try {
      await db.query("UPDATE notes SET body = 'b'", []);
      await expect.poll(() => deadRows(db, "notes"), { timeout: 20_000, interval: 50 }).toBe(0);
    } finally {
      stop();
    }
    await db.query("UPDATE notes SET body = 'c'", []);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await deadRows(db, "notes")).toBe(200);
  });
});
