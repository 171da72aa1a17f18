import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode } from "../../../../server/memory";
import { memoriesById } from "../../../../server/memory/recall/memoriesById";
import type { Database, Queryable } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

let db: Database;
let scope: { ownerId: string; companionId: string };
const stranger = randomUUID();
const ids = {} as { private: string; shared: string; theirs: string; forgotten: string };

beforeAll(async () => {
  db = await openMemoryDatabase();
  scope = await addOwner(db);
  ids.private = (await recordEpisode(db, { ...scope, text: "My diary is under the bed", speaker: "Alice" })).id;
  ids.shared = (await recordEpisode(db, { ...scope, text: "We planted tulips", speaker: "Alice", visibility: "shared", place: "the garden", importance: 0.8 })).id;
  ids.theirs = (await recordEpisode(db, { ...scope, text: "I am Bob, hello", speaker: "Bob", speakerId: stranger })).id;
  ids.forgotten = (await recordEpisode(db, { ...scope, text: "Forget this one", speaker: "Alice" })).id;
  await db.query("DELETE FROM memories WHERE id = $1", [ids.forgotten]);
});
afterAll(async () => {
  await db.close();
});

const all = () => Object.values(ids);

describe("memoriesById", () => {
  it("gives the owner every memory asked for that still exists, with its stored row", async () => {
    const found = await memoriesById(db, all(), { ...scope, speakerIsOwner: true });
    expect([...found.keys()].sort()).toEqual([ids.private, ids.shared, ids.theirs].sort());
    expect(found.get(ids.shared)).toMatchObject({ text: "We planted tulips", visibility: "shared", place: "the garden", importance: expect.closeTo(0.8, 6), kind: "episode" });
  });

  it("gives anyone else only the shared memories and their own words", async () => {
    expect([...(await memoriesById(db, all(), { ...scope, speakerIsOwner: false, speakerId: stranger })).keys()].sort()).toEqual([ids.shared, ids.theirs].sort());
    expect([...(await memoriesById(db, all(), { ...scope, speakerIsOwner: false, speakerId: randomUUID() })).keys()]).toEqual([ids.shared]);
  });

  it("never gives another companion's memories, and asks nothing for no ids", async () => {
    const other = await addOwner(db, "Dana");
    expect((await memoriesById(db, all(), { ...other, speakerIsOwner: true })).size).toBe(0);
    const asked: string[] = [];
    const counting: Queryable = { query: (sql, params) => (asked.push(sql), db.query(sql, params)), exec: (sql) => db.exec(sql) };
    expect((await memoriesById(counting, [], { ...scope, speakerIsOwner: true })).size).toBe(0);
    expect(asked).toEqual([]);
  });
});
