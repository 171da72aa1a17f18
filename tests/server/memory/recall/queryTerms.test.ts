import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode } from "../../../../server/memory";
import type { MemoryScope } from "../../../../server/memory/recall/memoryScope";
import { queryTerms } from "../../../../server/memory/recall/queryTerms";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

const idf = (seen: number, total: number) => Math.log(1 + (total - seen + 0.5) / (seen + 0.5));

describe("a question's words, as full-text recall weighs them", () => {
  let db: Database;
  let owner: MemoryScope;
  beforeAll(async () => {
    db = await openMemoryDatabase();
    owner = { ...(await addOwner(db)), speakerIsOwner: true };
    await recordEpisode(db, { ...owner, text: "The ducks swam across the pond", visibility: "shared" });
    await recordEpisode(db, { ...owner, text: "Ducks again, and a heron" });
    await recordEpisode(db, { ...owner, text: "My secret heron sketch" });
  });
  afterAll(() => db.close());

  it("counts every memory for the owner and the shared ones for anyone else, rarest word first", async () => {
    const question = "Did the ducks meet the heron at the zeppelin?";
    // Every memory holds its own words and its neighbours': "pond" is in two, the rest in all three.
    // The second holds "ducks" and "heron" twice each (its own, and its neighbour's).
    const asOwner = await queryTerms(db, question, owner);
    expect(asOwner.total).toBe(3);
    expect(asOwner.all).toEqual([
      { query: "'duck'", memories: 3, idf: idf(3, 3), maxPositions: 2 },
      { query: "'heron'", memories: 3, idf: idf(3, 3), maxPositions: 2 },
    ]);
    const asGuest = await queryTerms(db, question, { ...owner, speakerIsOwner: false, speakerId: randomUUID() });
    // The guest may see one memory (which holds its neighbour's "heron"); each word's reach still
    // counts them all (the index search reads them all).
    expect(asGuest.all).toEqual([
      { query: "'duck'", memories: 3, idf: idf(1, 1), maxPositions: 2 },
      { query: "'heron'", memories: 3, idf: idf(1, 1), maxPositions: 2 },
    ]);
  });

  it("finds no words in a question of stop words or unknown words, and none for a companion with no memories", async () => {
    expect((await queryTerms(db, "what is it?", owner)).all).toEqual([]);
    expect((await queryTerms(db, "zeppelin", owner)).all).toEqual([]);
    expect(await queryTerms(db, "ducks", { ...owner, companionId: randomUUID() })).toEqual({ all: [], total: 0 });
  });

  // The look-up used to be planned again for every question: with the question as a constant
  // Postgres knows its word count, so a plan made once always looked costlier.
  it("looks words up on a plan made once, whatever the question", async () => {
    const questions = ["ducks", "the heron and the pond", "a secret sketch", "what swam across?", "again", "ducks and herons", "pond", "sketch of a heron"];
    for (const question of questions) await queryTerms(db, question, owner);
    const [lookUp] = await db.query<{ generic_plans: number; custom_plans: number }>(
      "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE 'SELECT * FROM memory_query_terms(%'",
    );
    expect(lookUp!.custom_plans).toBeLessThanOrEqual(5);
    expect(lookUp!.generic_plans).toBeGreaterThanOrEqual(questions.length - 5);
  });
});
