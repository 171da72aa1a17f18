import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recall, recordEpisode } from "../../../server/memory";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { openTestDatabase } from "../support/database";

let db: Database;
const ownerId = randomUUID();
const companionId = randomUUID();
const otherOwnerId = randomUUID();
const otherCompanionId = randomUUID();

async function addOwner(userId: string, companion: string) {
  await db.query("INSERT INTO users (id, name) VALUES ($1, 'someone')", [userId]);
  await db.query("INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, 'Kin', '{}', 1)", [companion, userId]);
}

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
  await addOwner(ownerId, companionId);
  await addOwner(otherOwnerId, otherCompanionId);
});
afterAll(async () => {
  await db.close();
});

const asOwner = { ownerId, companionId, speakerIsOwner: true, k: 5 };

describe("recordEpisode", () => {
  it("stores the time, place and source fields as given", async () => {
    const happenedAt = new Date("2023-05-08T13:56:00Z");
    const { id } = await recordEpisode(db, {
      ownerId, companionId, text: "We watched the lanterns over the harbour", speaker: "Alice",
      happenedAt, world: "plaza", place: "fountain", importance: 0.8, sourceTurn: "turn-1", visibility: "shared",
    });
    const [found] = await recall(db, "lanterns harbour", asOwner);
    expect(found).toMatchObject({ id, speaker: "Alice", world: "plaza", place: "fountain", sourceTurn: "turn-1", visibility: "shared" });
    expect(found!.happenedAt.toISOString()).toBe(happenedAt.toISOString());
    expect(found!.importance).toBeCloseTo(0.8);
  });

  it("refuses empty text and out-of-range importance, storing nothing", async () => {
    const before = await db.query("SELECT id FROM memories");
    await expect(recordEpisode(db, { ownerId, companionId, text: "   " })).rejects.toThrow(/text/);
    await expect(recordEpisode(db, { ownerId, companionId, text: "x", importance: 2 })).rejects.toThrow(/importance/);
    expect(await db.query("SELECT id FROM memories")).toHaveLength(before.length);
  });
});

describe("recall", () => {
  it("ranks the memory that shares the question's rare words first, matching stemmed forms", async () => {
    await recordEpisode(db, { ownerId, companionId, text: "I had a nice day today", speaker: "Alice" });
    await recordEpisode(db, { ownerId, companionId, text: "My sister Maya adopted two kittens last week", speaker: "Alice" });
    await recordEpisode(db, { ownerId, companionId, text: "It was a nice day for a walk", speaker: "Alice" });
    const found = await recall(db, "What is the name of the sister who adopts a kitten?", asOwner);
    expect(found[0]!.text).toBe("My sister Maya adopted two kittens last week");
  });

  it("finds a turn through the words of its neighbour", async () => {
    await recordEpisode(db, { ownerId, companionId, text: "Which instrument are you learning?", speaker: "Kin" });
    await recordEpisode(db, { ownerId, companionId, text: "The cello, for two years now", speaker: "Alice" });
    const found = await recall(db, "instrument learning", { ...asOwner, k: 10 });
    expect(found.map((m) => m.text)).toContain("The cello, for two years now");
  });

  it("returns nothing for a query without searchable words, and honours k", async () => {
    expect(await recall(db, "the and of", asOwner)).toEqual([]);
    expect(await recall(db, "   ", asOwner)).toEqual([]);
    expect(await recall(db, "nice day sister walk", { ...asOwner, k: 2 })).toHaveLength(2);
    await expect(recall(db, "day", { ...asOwner, k: 0 })).rejects.toThrow(/k must/);
  });

  it("never returns private memories when someone other than the owner is speaking", async () => {
    await recordEpisode(db, { ownerId, companionId, text: "My password hint is the blue parrot", visibility: "private" });
    await recordEpisode(db, { ownerId, companionId, text: "Everyone may know the parrot is called Kiwi", visibility: "shared" });
    const byOwner = await recall(db, "parrot", asOwner);
    expect(byOwner.map((m) => m.text)).toEqual(expect.arrayContaining(["My password hint is the blue parrot", "Everyone may know the parrot is called Kiwi"]));
    const byStranger = await recall(db, "parrot password hint", { ...asOwner, speakerIsOwner: false });
    expect(byStranger.map((m) => m.text)).toEqual(["Everyone may know the parrot is called Kiwi"]);
  });

  it("keeps each owner's and companion's memories apart", async () => {
    await recordEpisode(db, { ownerId: otherOwnerId, companionId: otherCompanionId, text: "Bob's parrot talks", visibility: "shared" });
    const found = await recall(db, "parrot talks", asOwner);
    expect(found.map((m) => m.text)).not.toContain("Bob's parrot talks");
    const theirs = await recall(db, "parrot", { ownerId: otherOwnerId, companionId: otherCompanionId, speakerIsOwner: true, k: 5 });
    expect(theirs.map((m) => m.text)).toEqual(["Bob's parrot talks"]);
  });
});
