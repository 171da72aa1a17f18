import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode, type RecalledEpisode } from "../../../../server/memory";
import { fullTextRanking, fullTextRecall } from "../../../../server/memory/recall/fullTextRecall";
import type { MemoryScope } from "../../../../server/memory/recall/memoryScope";
import { rarestTerms } from "../../../../server/memory/recall/queryTerms";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

// The ranking recall had before word counts were kept: every memory holding any question word,
// each word's rarity counted from those memories. Recall must rank exactly like it while the
// companion has no more memories than the reach.
const COUNTING_EVERY_MEMORY = `
  WITH terms AS (SELECT DISTINCT quote_literal(lexeme)::tsquery AS q FROM unnest(to_tsvector('english', $1))),
  matches AS (
    SELECT m.id, m.seq, m.search FROM memories m
    WHERE m.companion_id = $2 AND m.owner_id = $3 AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $5)
      AND m.search @@ (SELECT string_agg(q::text, ' | ')::tsquery FROM terms)
  ),
  total AS MATERIALIZED (SELECT count(*)::float8 AS n FROM memories WHERE companion_id = $2 AND owner_id = $3 AND ($4 OR visibility = 'shared' OR speaker_id = $5)),
  pairs AS (
    SELECT m.id, m.seq, ts_rank('{0.1, 0.5, 0.4, 1.0}', m.search, t.q) AS weight, count(*) OVER (PARTITION BY t.q) AS df
    FROM matches m JOIN terms t ON m.search @@ t.q
  )
  SELECT p.id, sum(ln(1 + (total.n - p.df + 0.5) / (p.df + 0.5)) * p.weight) AS score
  FROM pairs p CROSS JOIN total GROUP BY p.id, p.seq ORDER BY score DESC, p.seq DESC LIMIT $6`;

const WORDS = ["ducks", "pond", "lanterns", "ferry", "harbour", "cello", "garden", "tomatoes", "rain", "train", "mountain", "coffee"];

describe("full-text recall", () => {
  let db: Database;
  let owner: MemoryScope;
  beforeAll(async () => {
    db = await openMemoryDatabase();
    owner = { ...(await addOwner(db)), speakerIsOwner: true };
    // A seeded mix: each memory holds a few words, common ones far more often than rare ones.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 120; i++) {
      const words = WORDS.filter((_, w) => next() < 0.6 / (w + 1));
      const text = `Memory ${i}: ${words.join(" and ") || "nothing much"} today`;
      await recordEpisode(db, { ...owner, text, speaker: i % 2 ? "Alice" : "Kin", visibility: next() < 0.3 ? "shared" : "private" });
    }
  });
  afterAll(() => db.close());

  const reference = async (query: string, scope: MemoryScope, k: number) =>
    (await db.query<{ id: string; score: number }>(COUNTING_EVERY_MEMORY, [query, scope.companionId, scope.ownerId, scope.speakerIsOwner, scope.speakerId ?? null, k])).map((r) => ({
      id: r.id,
      score: Number(r.score),
    }));

  it("ranks exactly as counting every memory does, for the owner and for someone else", async () => {
    const stranger: MemoryScope = { ...owner, speakerIsOwner: false, speakerId: randomUUID() };
    for (const query of ["ducks at the pond", "the lanterns over the harbour", "coffee and rain on the train", "ducks ducks lanterns mountain"]) {
      const found = await fullTextRecall(db, query, owner, 10);
      const expected = await reference(query, owner, 10);
      expect(found.map((m) => m.id)).toEqual(expected.map((m) => m.id));
      found.forEach((m, i) => expect(m.score).toBeCloseTo(expected[i]!.score, 9));
      const shared = await fullTextRecall(db, query, stranger, 10);
      expect(shared.every((m) => m.visibility === "shared")).toBe(true);
      // Someone else's word weights come from the shared memories only: the same as counting them.
      expect(shared.map((m) => m.id)).toEqual((await reference(query, stranger, 10)).map((m) => m.id));
    }
  });

  it("with a small reach still finds the memories holding the rarest word first", async () => {
    const rare = await recordEpisode(db, { ...owner, text: "The zeppelin flew over the ducks and the pond" });
    const found = await fullTextRecall(db, "zeppelin ducks pond", owner, 5, 10);
    expect(found[0]!.id).toBe(rare.id);
    expect(found.map((m) => m.id)).toEqual((await reference("zeppelin ducks pond", owner, 5)).map((m) => m.id).slice(0, found.length));
  });

  it("with a reach below the companion's memories still ranks exactly: what common words could add is bounded", async () => {
    // The first pass ranks the memories holding the rarest words (no more than the reach, of
    // 120); a memory holding only common ones is ranked in the second pass when their bounds reach
    // the score it must beat to enter the results. Ranking the first pass alone gets each of
    // these wrong.
    const cases: Array<[string, number, number]> = [
      ["train rain lanterns mountain garden", 3, 20],
      ["tomatoes garden ducks rain", 5, 40],
      ["tomatoes coffee train garden pond", 5, 40],
      ["rain ferry ducks harbour", 10, 80],
      ["rain cello train harbour", 10, 80],
    ];
    // Memories holding the same words tie, and the reference's sum may round them apart in any
    // order: each found memory must have its exact score, and the scores the exact ranking's.
    const expectExact = (found: RecalledEpisode[], expected: Array<{ id: string; score: number }>, query: string) => {
      const exactScore = new Map(expected.map((m) => [m.id, m.score]));
      found.forEach((m, i) => {
        expect(m.score, query).toBeCloseTo(expected[i]!.score, 9);
        expect(exactScore.get(m.id), query).toBeCloseTo(m.score, 9);
      });
    };
    for (const [query, depth, reach] of cases) {
      const expected = await reference(query, owner, 120);
      const found = await fullTextRecall(db, query, owner, depth, reach);
      expect(found).toHaveLength(depth);
      expectExact(found, expected, query);
      // Read deeper (as hybrid recall does), only the first `exact` are held to it.
      expectExact((await fullTextRecall(db, query, owner, 20, reach, depth)).slice(0, depth), expected, query);
    }
  });

  it("searches past a question word no memory holds", async () => {
    // 'lantern' is held by more memories than the reach: the most recent 70 of them are ranked.
    const found = await fullTextRecall(db, "quokka lanterns", owner, 10, 70);
    expect(found).toHaveLength(10);
    expect(found.every((m) => /lanterns/.test(m.text))).toBe(true);
  });

  it("with a small reach and only common words ranks the most recent memories holding them", async () => {
    const found = await fullTextRecall(db, "ducks", owner, 50, 5);
    expect(found).toHaveLength(5);
    const recent = await db.query<{ id: string }>(
      "SELECT id FROM memories WHERE companion_id = $1 AND search @@ 'duck'::tsquery ORDER BY seq DESC LIMIT 5",
      [owner.companionId],
    );
    expect(new Set(found.map((m) => m.id))).toEqual(new Set(recent.map((r) => r.id)));
  });

  it("ranks seqs alone (for fusion) exactly as it ranks whole memories", async () => {
    const stranger: MemoryScope = { ...owner, speakerIsOwner: false, speakerId: randomUUID() };
    const seqOf = new Map((await db.query<{ id: string; seq: string }>("SELECT id, seq FROM memories")).map((r) => [r.id, Number(r.seq)]));
    for (const [query, reach] of [["rain ferry ducks harbour", 80], ["tomatoes garden ducks rain", 40], ["lanterns", 1000]] as const) {
      for (const scope of [owner, stranger]) {
        const whole = await fullTextRecall(db, query, scope, 30, reach, 10);
        expect(whole.length).toBeGreaterThan(scope === owner ? 10 : 0);
        expect(await fullTextRanking(db, query, scope, 30, reach, 10)).toEqual(whole.map((m) => ({ seq: seqOf.get(m.id), score: m.score })));
      }
    }
  });

  it("refuses a reach or an exact count that is not a positive whole number", async () => {
    await expect(fullTextRecall(db, "ducks", owner, 5, 0)).rejects.toThrow(/reach must be a positive integer/);
    await expect(fullTextRecall(db, "ducks", owner, 5, 10, 0)).rejects.toThrow(/exact results must be a positive integer/);
  });
});

describe("rarestTerms", () => {
  const terms = (memories: number[], total: number) => ({ all: memories.map((m, i) => ({ query: `'w${i}'`, memories: m, idf: 1, maxPositions: 1 })), total });

  it("adds words rarest first while the memories they reach stay within the reach, the rarest always", () => {
    expect(rarestTerms(terms([5, 20, 300, 900], 10_000), 100)).toEqual({ query: "'w0' | 'w1'", reach: 25, words: 2 });
    expect(rarestTerms(terms([500, 900], 10_000), 100)).toEqual({ query: "'w0'", reach: 500, words: 1 });
  });

  it("searches every word when the companion has no more memories than the reach", () => {
    expect(rarestTerms(terms([50, 60, 70], 80), 100)).toEqual({ query: "'w0' | 'w1' | 'w2'", reach: 80, words: 3 });
  });
});
