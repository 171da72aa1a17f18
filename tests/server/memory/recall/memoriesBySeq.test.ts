import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode } from "../../../../server/memory";
import { memoriesBySeq, withRows } from "../../../../server/memory/recall/memoriesBySeq";
import type { Database, Queryable } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

let db: Database;
let scope: { ownerId: string; companionId: string };
const stranger = randomUUID();
const ids = {} as { private: string; shared: string; theirs: string; forgotten: string };
const seqs = {} as Record<keyof typeof ids, number>;

beforeAll(async () => {
  db = await openMemoryDatabase();
  scope = await addOwner(db);
  ids.private = (await recordEpisode(db, { ...scope, text: "My diary is under the bed", speaker: "Alice" })).id;
  ids.shared = (await recordEpisode(db, { ...scope, text: "We planted tulips", speaker: "Alice", visibility: "shared", place: "the garden", importance: 0.8 })).id;
  ids.theirs = (await recordEpisode(db, { ...scope, text: "I am Bob, hello", speaker: "Bob", speakerId: stranger })).id;
  ids.forgotten = (await recordEpisode(db, { ...scope, text: "Forget this one", speaker: "Alice" })).id;
  for (const [name, id] of Object.entries(ids)) {
    const [row] = await db.query<{ seq: string }>("SELECT seq FROM memories WHERE id = $1", [id]);
    seqs[name as keyof typeof ids] = Number(row!.seq);
  }
  await db.query("DELETE FROM memories WHERE id = $1", [ids.forgotten]);
});
afterAll(async () => {
  await db.close();
});

const all = () => Object.values(seqs);
const idsOf = (found: Map<number, { id: string }>) => [...found.values()].map((m) => m.id).sort();

describe("memoriesBySeq", () => {
  it("gives the owner every memory asked for that still exists, with its stored row", async () => {
    const found = await memoriesBySeq(db, all(), { ...scope, speakerIsOwner: true });
    expect(idsOf(found)).toEqual([ids.private, ids.shared, ids.theirs].sort());
    expect(found.get(seqs.shared)).toMatchObject({ text: "We planted tulips", visibility: "shared", place: "the garden", importance: expect.closeTo(0.8, 6), kind: "episode" });
  });

  it("gives anyone else only the shared memories and their own words", async () => {
    expect(idsOf(await memoriesBySeq(db, all(), { ...scope, speakerIsOwner: false, speakerId: stranger }))).toEqual([ids.shared, ids.theirs].sort());
    expect(idsOf(await memoriesBySeq(db, all(), { ...scope, speakerIsOwner: false, speakerId: randomUUID() }))).toEqual([ids.shared]);
  });

  it("never gives another companion's memories, and asks nothing for no seqs", async () => {
    const other = await addOwner(db, "Dana");
    expect((await memoriesBySeq(db, all(), { ...other, speakerIsOwner: true })).size).toBe(0);
    const asked: string[] = [];
    const counting: Queryable = { query: (sql, params) => (asked.push(sql), db.query(sql, params)), exec: (sql) => db.exec(sql) };
    expect((await memoriesBySeq(counting, [], { ...scope, speakerIsOwner: true })).size).toBe(0);
    expect(asked).toEqual([]);
  });

  it("refuses a seq that is not a whole number", async () => {
    await expect(memoriesBySeq(db, [1.5], { ...scope, speakerIsOwner: true })).rejects.toThrow(/whole number/);
  });
});

describe("withRows", () => {
  it("gives the first k of a ranking that the speaker may see, with the ranking's scores, reading more only when some are missing", async () => {
    const asked: string[] = [];
    const counting: Queryable = { query: (sql, params) => (asked.push(sql), db.query(sql, params)), exec: (sql) => db.exec(sql) };
    const ranked = [seqs.shared, seqs.forgotten, seqs.private, seqs.theirs].map((seq, i) => ({ seq, score: 10 - i }));
    const owner = await withRows(counting, ranked, 2, { ...scope, speakerIsOwner: true });
    expect(owner.map((m) => [m.id, m.score])).toEqual([[ids.shared, 10], [ids.private, 8]]);
    expect(asked).toHaveLength(2); // the forgotten one's place is filled by one more statement
    asked.length = 0;
    expect((await withRows(counting, ranked, 1, { ...scope, speakerIsOwner: true })).map((m) => m.id)).toEqual([ids.shared]);
    expect(asked).toHaveLength(1);
    const someone = await withRows(db, ranked, 3, { ...scope, speakerIsOwner: false, speakerId: stranger });
    expect(someone.map((m) => m.id)).toEqual([ids.shared, ids.theirs]);
  });
});
