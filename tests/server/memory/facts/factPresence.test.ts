import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recallFacts, storeFact } from "../../../../server/memory";
import { exportMemories } from "../../../../server/memory/ownerControl/exportMemories";
import { importMemories } from "../../../../server/memory/ownerControl/importMemories";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

const at = new Date("2026-11-22T10:00:00Z");
const lisbon = { kind: "place", subject: "home", value: "Lisbon", confidence: 0.9 } as const;

/** The database as the server holds it, counting the statements sent to it. */
function counting(db: Database, kind: Database["kind"] = db.kind) {
  const counter = { statements: 0 };
  const counted: Database = {
    kind,
    query: (sql, params) => {
      counter.statements++;
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (work) => db.transaction(work),
    close: () => db.close(),
  };
  return { db: counted, counter };
}

describe("recalling facts about an owner who has none", () => {
  let raw: Database;
  beforeAll(async () => {
    raw = await openMemoryDatabase();
  });
  afterAll(() => raw.close());

  it("asks the database once, then not again until a fact is stored", async () => {
    const { db, counter } = counting(raw);
    const scope = await addOwner(raw);
    expect(await recallFacts(db, scope, "am I still in Lisbon?", 4)).toEqual([]);
    expect(counter.statements).toBe(1);
    expect(await recallFacts(db, scope, "what about Lisbon?", 4)).toEqual([]);
    expect(counter.statements).toBe(1);
    await storeFact(db, scope, lisbon, undefined, at);
    expect((await recallFacts(db, scope, "am I still in Lisbon?", 4)).map((f) => f.value)).toEqual(["Lisbon"]);
  });

  it("keeps asking while the owner has facts, even when none matches", async () => {
    const { db, counter } = counting(raw);
    const scope = await addOwner(raw);
    await storeFact(db, scope, lisbon, undefined, at);
    const before = counter.statements;
    expect(await recallFacts(db, scope, "what is my sister called?", 4)).toEqual([]);
    expect(await recallFacts(db, scope, "what is my sister called?", 4)).toEqual([]);
    expect(counter.statements - before).toBe(2);
  });

  it("knows each owner apart: one owner's facts are not another's", async () => {
    const { db } = counting(raw);
    const alice = await addOwner(raw, "Alice");
    const bob = await addOwner(raw, "Bob");
    await storeFact(db, alice, lisbon, undefined, at);
    expect(await recallFacts(db, bob, "am I still in Lisbon?", 4)).toEqual([]);
    expect((await recallFacts(db, alice, "am I still in Lisbon?", 4)).map((f) => f.value)).toEqual(["Lisbon"]);
  });

  it("finds a fact stored while a recall was under way", async () => {
    const { db } = counting(raw);
    const scope = await addOwner(raw);
    const [during] = await Promise.all([recallFacts(db, scope, "am I still in Lisbon?", 4), storeFact(db, scope, lisbon, undefined, at)]);
    expect(during.length).toBeLessThanOrEqual(1);
    expect((await recallFacts(db, scope, "am I still in Lisbon?", 4)).map((f) => f.value)).toEqual(["Lisbon"]);
  });

  it("finds facts imported after it found none", async () => {
    const { db } = counting(raw);
    const from = await addOwner(raw, "Alice");
    await storeFact(db, from, lisbon, undefined, at);
    const to = await addOwner(raw, "Alice");
    expect(await recallFacts(db, to, "am I still in Lisbon?", 4)).toEqual([]);
    await importMemories(db, to, { ...(await exportMemories(db, from)), ownerId: from.ownerId }, "merge");
    expect((await recallFacts(db, to, "am I still in Lisbon?", 4)).map((f) => f.value)).toEqual(["Lisbon"]);
  });

  it("always asks on PostgreSQL, where another server process may store a fact", async () => {
    const { db, counter } = counting(raw, "postgres");
    const scope = await addOwner(raw);
    await recallFacts(db, scope, "am I still in Lisbon?", 4);
    await raw.query(
      "INSERT INTO facts (id, owner_id, companion_id, kind, subject, fact_key, value, confidence, valid_from) VALUES (gen_random_uuid(), $1, $2, 'place', 'home', 'place:home', 'Lisbon', 0.9, now())",
      [scope.ownerId, scope.companionId],
    );
    expect((await recallFacts(db, scope, "am I still in Lisbon?", 4)).map((f) => f.value)).toEqual(["Lisbon"]);
    expect(counter.statements).toBe(2);
  });
});
