import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode } from "../../../../server/memory";
import { migrate, MIGRATIONS, type Database } from "../../../../server/storage";
import { openTestDatabase } from "../../support/database";
import { maxWordRank } from "../../../../server/memory/recall/wordCombinations";
import { addOwner } from "../memoryFixtures";

// Migration 008 keeps, per companion, how many memories hold each stemmed word: these counts
// must always equal what counting the memories themselves gives.
const COUNTED = `
  SELECT lexeme, count(*)::int AS memories, (count(*) FILTER (WHERE visibility = 'shared'))::int AS shared
  FROM memories CROSS JOIN unnest(tsvector_to_array(search)) lexeme
  WHERE companion_id = $1 GROUP BY lexeme ORDER BY lexeme`;
const KEPT = "SELECT lexeme, memories, shared FROM memory_lexemes WHERE companion_id = $1 AND (memories <> 0 OR shared <> 0) ORDER BY lexeme";
const TOTALS = "SELECT memories, shared FROM memory_counts WHERE companion_id = $1";
// Migration 012: the most times each word occurs in one memory, kept beside the counts.
const MOST_OCCURRENCES = `
  SELECT w.lexeme, max(array_length(w.positions, 1))::int AS counted, min(l.max_positions)::int AS kept
  FROM memories m CROSS JOIN unnest(m.search) w
  JOIN memory_lexemes l ON l.companion_id = m.companion_id AND l.owner_id = m.owner_id AND l.lexeme = w.lexeme
  WHERE m.companion_id = $1 GROUP BY w.lexeme ORDER BY w.lexeme`;

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
    // A deletion may leave a word's most occurrences above what the memories now hold (a bound), never below.
    for (const word of await db.query<{ lexeme: string; counted: number; kept: number }>(MOST_OCCURRENCES, [companionId])) {
      expect(word.kept, word.lexeme).toBeGreaterThanOrEqual(word.counted);
    }
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
      const occurrences = await old.query<{ lexeme: string; counted: number; kept: number }>(MOST_OCCURRENCES, [early.companionId]);
      expect(occurrences.map((w) => w.kept)).toEqual(occurrences.map((w) => w.counted));
      expect(occurrences.find((w) => w.lexeme === "lantern")!.counted).toBe(2);
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

  it("bound every word's rank in every memory by how often it occurs in one memory", async () => {
    await recordEpisode(db, { ...scope, text: "Kites, kites and more kites: kites over the kite hill", speaker: "Kite" });
    await db.query("UPDATE memories SET before_text = 'a kite' WHERE text LIKE 'Kites%'");
    await expectCountsTrue();
    const ranks = await db.query<{ lexeme: string; rank: number; kept: number }>(
      `SELECT w.lexeme, ts_rank('{0.1, 0.5, 0.4, 1.0}', m.search, quote_literal(w.lexeme)::tsquery) AS rank, l.max_positions AS kept
       FROM memories m CROSS JOIN unnest(m.search) w JOIN memory_lexemes l ON l.companion_id = m.companion_id AND l.lexeme = w.lexeme
       WHERE m.companion_id = $1`,
      [scope.companionId],
    );
    expect(ranks.find((r) => r.lexeme === "kite")!.kept).toBe(7);
    for (const r of ranks) expect(Number(r.rank), r.lexeme).toBeLessThanOrEqual(maxWordRank(r.kept));
    // The bound is tight: a word found once, at the highest weight, reaches it.
    expect(Math.max(...ranks.filter((r) => r.kept === 1).map((r) => Number(r.rank)))).toBeCloseTo(maxWordRank(1), 5);
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
