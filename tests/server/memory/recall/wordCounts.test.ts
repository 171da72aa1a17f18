import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode } from "../../../../server/memory";
import { migrate, MIGRATIONS, type Database } from "../../../../server/storage";
import { openTestDatabase } from "../../support/database";
import { addOwner } from "../memoryFixtures";

// Migration 008 keeps, per companion, how many memories hold each stemmed word: these counts
// must always equal what counting the memories themselves gives.
const COUNTED = `
  SELECT lexeme, count(*)::int AS memories, (count(*) FILTER (WHERE visibility = 'shared'))::int AS shared
  FROM memories CROSS JOIN unnest(tsvector_to_array(search)) lexeme
  WHERE companion_id = $1 GROUP BY lexeme ORDER BY lexeme`;
const KEPT = "SELECT lexeme, memories, shared FROM memory_lexemes WHERE companion_id = $1 AND (memories <> 0 OR shared <> 0) ORDER BY lexeme";
const TOTALS = "SELECT memories, shared FROM memory_counts WHERE companion_id = $1";

describe("the word counts full-text recall reads", () => {
  let db: Database;
  let scope: { ownerId: string; companionId: string };
  const expectCountsTrue = async (companionId = scope.companionId) => {
    expect(await db.query(KEPT, [companionId])).toEqual(await db.query(COUNTED, [companionId]));
    const [all] = await db.query<{ n: number; s: number }>(
      "SELECT count(*)::int AS n, (count(*) FILTER (WHERE visibility = 'shared'))::int AS s FROM memories WHERE companion_id = $1",
      [companionId],
    );
    expect(await db.query(TOTALS, [companionId])).toEqual([{ memories: all!.n, shared: all!.s }]);
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db, MIGRATIONS);
    scope = await addOwner(db);
  });
  afterAll(() => db.close());

  it("are counted for memories stored before the migration", async () => {
    const old = await openTestDatabase();
    try {
      await migrate(old, MIGRATIONS.filter((m) => m.version < 8));
      const early = await addOwner(old);
      await recordEpisode(old, { ...early, text: "The lanterns rose over the harbour", visibility: "shared" });
      await recordEpisode(old, { ...early, text: "Lanterns again, and the ferry" });
      await migrate(old, MIGRATIONS);
      expect(await old.query(KEPT, [early.companionId])).toEqual(await old.query(COUNTED, [early.companionId]));
      expect(await old.query(TOTALS, [early.companionId])).toEqual([{ memories: 2, shared: 1 }]);
    } finally {
      await old.close();
    }
  });

  it("follow every insert, edit, change of visibility and deletion", async () => {
    const first = await recordEpisode(db, { ...scope, text: "We fed the ducks at the pond", speaker: "Alice" });
    await recordEpisode(db, { ...scope, text: "The ducks followed the ferry", visibility: "shared", speaker: "Kin" });
    await expectCountsTrue();
    await db.query("UPDATE memories SET text = 'We fed the swans at the lake' WHERE id = $1", [first.id]);
    await expectCountsTrue();
    await db.query("UPDATE memories SET visibility = 'shared' WHERE id = $1", [first.id]);
    await expectCountsTrue();
    await db.query("UPDATE memories SET importance = 0.9");
    await expectCountsTrue();
    await db.query("DELETE FROM memories WHERE id = $1", [first.id]);
    await expectCountsTrue();
  });

  it("follow a bulk insert in one statement", async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `Memory ${i} of the ferry and the ${i % 2 ? "ducks" : "swans"}`);
    await db.query(
      `INSERT INTO memories (id, owner_id, companion_id, kind, visibility, text)
       SELECT gen_random_uuid(), $1, $2, 'episode', CASE WHEN n % 3 = 0 THEN 'shared' ELSE 'private' END, t
       FROM unnest($3::text[]) WITH ORDINALITY AS x(t, n)`,
      [scope.ownerId, scope.companionId, texts],
    );
    await expectCountsTrue();
  });

  it("keep each companion's counts apart and go with a deleted companion", async () => {
    const other = await addOwner(db, "Bob");
    await recordEpisode(db, { ...other, text: "Bob's parrot talks about ducks" });
    await expectCountsTrue(other.companionId);
    await expectCountsTrue();
    await db.query("DELETE FROM companions WHERE id = $1", [other.companionId]);
    expect(await db.query("SELECT * FROM memory_lexemes WHERE companion_id = $1", [other.companionId])).toEqual([]);
    expect(await db.query(TOTALS, [other.companionId])).toEqual([]);
    await db.query("DELETE FROM users WHERE id = $1", [scope.ownerId]);
    expect(await db.query("SELECT count(*)::int AS n FROM memory_lexemes")).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT count(*)::int AS n FROM memory_counts")).toEqual([{ n: 0 }]);
  });

  it("a memory of an unknown companion is refused and changes no count", async () => {
    const before = await db.query("SELECT count(*)::int AS n FROM memory_lexemes");
    await expect(
      db.query("INSERT INTO memories (id, owner_id, companion_id, kind, text) VALUES ($1, $2, $3, 'episode', 'stray words')", [randomUUID(), randomUUID(), randomUUID()]),
    ).rejects.toThrow();
    expect(await db.query("SELECT count(*)::int AS n FROM memory_lexemes")).toEqual(before);
  });
});
