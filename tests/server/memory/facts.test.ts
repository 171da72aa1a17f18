import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFactsByPattern, factHistory, recallFacts, storeFact, type FactCandidate } from "../../../server/memory";
import { describeFact } from "../../../server/memory/facts/describeFact";
import type { Database } from "../../../server/storage";
import { addOwner, openMemoryDatabase } from "./memoryFixtures";

const now = new Date("2026-11-22T10:00:00Z");
const extract = (text: string) => extractFactsByPattern(text, now, "UTC").map(({ kind, subject, value, planDate }) => ({ kind, subject, value, ...(planDate ? { planDate } : {}) }));

describe("extractFactsByPattern", () => {
  it.each<[string, Partial<FactCandidate>[]]>([
    ["I moved to Paris from London last year.", [{ kind: "place", subject: "home", value: "Paris" }]],
    ["I live in Lisbon now", [{ kind: "place", subject: "home", value: "Lisbon" }]],
    ["My sister is called Maya and she paints.", [{ kind: "person", subject: "sister", value: "Maya" }]],
    ["my best friend's name is Tom Baker", [{ kind: "person", subject: "best friend", value: "Tom Baker" }]],
    ["I really hate olives.", [{ kind: "dislike", subject: "olives", value: "olives" }]],
    ["I love hiking in the mountains", [{ kind: "like", subject: "hiking in the mountains", value: "hiking in the mountains" }]],
    ["My birthday is on 12 March.", [{ kind: "other", subject: "birthday", value: "12 March" }]],
    ["I work as a nurse.", [{ kind: "other", subject: "job", value: "nurse" }]],
    ["I'm going to Lisbon next Friday!", [{ kind: "plan", subject: "lisbon", value: "going to Lisbon next Friday", planDate: "2026-11-27" }]],
    ["I have a job interview on Monday.", [{ kind: "plan", subject: "a job interview", value: "a job interview on Monday", planDate: "2026-11-23" }]],
  ])("%s", (text, facts) => {
    expect(extract(text)).toEqual(facts);
  });

  it("finds nothing in small talk, affection or plans without a date", () => {
    expect(extract("I love you, Kin.")).toEqual([]);
    expect(extract("I'm going to sleep.")).toEqual([]);
    expect(extract("What a nice day for a walk.")).toEqual([]);
  });
});

describe("storeFact", () => {
  let db: Database;
  let scope: { ownerId: string; companionId: string };
  beforeAll(async () => {
    db = await openMemoryDatabase();
    scope = await addOwner(db);
  });
  afterAll(() => db.close());

  const home = (value: string, confidence = 0.9): FactCandidate => ({ kind: "place", subject: "home", value, confidence });

  it("supersedes a contradicting fact and keeps the history: moved from London to Paris", async () => {
    const first = await storeFact(db, scope, home("London"), undefined, new Date("2026-01-01T00:00:00Z"));
    expect(first.action).toBe("added");
    const moved = await storeFact(db, scope, home("Paris"), undefined, new Date("2026-06-01T00:00:00Z"));
    if (moved.action !== "superseded") throw new Error(`expected superseded, got ${moved.action}`);
    expect(moved.previous).toMatchObject({ value: "London", supersededBy: moved.fact.id });
    expect(moved.previous.supersededAt?.toISOString()).toBe("2026-06-01T00:00:00.000Z");

    const history = await factHistory(db, scope, { kind: "place", subject: "home" });
    expect(history.map((f) => [f.value, f.supersededBy !== null])).toEqual([["London", true], ["Paris", false]]);
    const [current] = await recallFacts(db, scope, "where does she live? home", 5);
    expect(current).toMatchObject({ value: "Paris", previousValue: "London" });
    expect(describeFact(current!)).toBe("Your owner lives in Paris (moved there from London).");
  });

  it("makes a repeated fact surer and links every source episode", async () => {
    const [a, b] = await db.query<{ id: string }>(
      "INSERT INTO memories (id, owner_id, companion_id, kind, text) VALUES (gen_random_uuid(), $1, $2, 'episode', 'a'), (gen_random_uuid(), $1, $2, 'episode', 'b') RETURNING id",
      [scope.ownerId, scope.companionId],
    );
    const tea: FactCandidate = { kind: "like", subject: "tea", value: "tea", confidence: 0.6 };
    await storeFact(db, scope, tea, a!.id, now);
    const again = await storeFact(db, scope, { ...tea, value: "Tea" }, b!.id, now);
    expect(again.action).toBe("reinforced");
    if (again.action !== "reinforced") return;
    expect(again.fact.confidence).toBeCloseTo(0.7);
    expect(again.fact.sourceEpisodes).toEqual([a!.id, b!.id]);
  });

  it("lets a dislike replace a like of the same thing, but not on a weak guess", async () => {
    const weak = await storeFact(db, scope, { kind: "dislike", subject: "tea", value: "tea", confidence: 0.3 }, undefined, now);
    expect(weak.action).toBe("ignored");
    const sure = await storeFact(db, scope, { kind: "dislike", subject: "tea", value: "tea", confidence: 0.8 }, undefined, now);
    expect(sure.action).toBe("superseded");
    expect((await recallFacts(db, scope, "tea", 5)).map((f) => f.kind)).toEqual(["dislike"]);
  });

  it("keeps plans with their date", async () => {
    await storeFact(db, scope, { kind: "plan", subject: "lisbon", value: "going to Lisbon next Friday", confidence: 0.8, planDate: "2026-11-27" }, undefined, now);
    const [plan] = await recallFacts(db, scope, "Lisbon trip", 5);
    expect(plan).toMatchObject({ kind: "plan", planDate: "2026-11-27" });
    expect(describeFact(plan!)).toBe("Your owner's plan for 2026-11-27: going to Lisbon next Friday.");
  });

  it("refuses a malformed fact with a clear error and stores nothing", async () => {
    const before = await db.query("SELECT id FROM facts");
    await expect(storeFact(db, scope, { ...home("Rome"), value: "  " }, undefined, now)).rejects.toThrow(/invalid fact: value: value must not be empty/);
    await expect(storeFact(db, scope, { ...home("Rome"), confidence: 2 }, undefined, now)).rejects.toThrow(/confidence must be within 0..1/);
    await expect(storeFact(db, scope, { kind: "plan", subject: "x", value: "y", confidence: 1, planDate: "2026-13-45" }, undefined, now)).rejects.toThrow(/planDate/);
    await expect(storeFact(db, scope, { kind: "hobby" as "like", subject: "x", value: "y", confidence: 1 }, undefined, now)).rejects.toThrow(/kind/);
    expect(await db.query("SELECT id FROM facts")).toHaveLength(before.length);
  });

  it("keeps each owner's facts apart", async () => {
    const other = await addOwner(db, "Bob");
    await storeFact(db, other, home("Oslo"), undefined, now);
    expect((await recallFacts(db, scope, "home", 5)).map((f) => f.value)).toEqual(["Paris"]);
  });
});
