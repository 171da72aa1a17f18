import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recallMemories, recordEpisode, storeFact, type RecalledEpisode } from "../../../server/memory";
import { fitTokenBudget } from "../../../server/memory/recall/fitTokenBudget";
import { rerank } from "../../../server/memory/recall/rerank";
import type { Database } from "../../../server/storage";
import { addOwner, openMemoryDatabase } from "./memoryFixtures";

const now = new Date("2026-11-22T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function candidate(id: string, fields: Partial<RecalledEpisode> = {}): RecalledEpisode {
  return { id, kind: "episode", text: id, speaker: null, happenedAt: now, visibility: "private", world: "plaza", place: null, importance: 0.5, sourceTurn: null, score: 1, ...fields };
}
const order = (candidates: RecalledEpisode[], context: Partial<Parameters<typeof rerank>[1]> = {}) => rerank(candidates, { now, ...context }).map((c) => c.id);

describe("rerank", () => {
  it("keeps relevance first: a much better match beats a recent, important one", () => {
    expect(order([candidate("recent", { score: 0.2, importance: 1 }), candidate("relevant", { score: 1, happenedAt: daysAgo(300) })])).toEqual(["relevant", "recent"]);
  });

  it("among equally relevant memories prefers the recent, the important, and those made where we stand now", () => {
    expect(order([candidate("old", { happenedAt: daysAgo(90) }), candidate("new", { happenedAt: daysAgo(1) })])).toEqual(["new", "old"]);
    expect(order([candidate("trivial", { importance: 0.1 }), candidate("important", { importance: 0.9 })])).toEqual(["important", "trivial"]);
    const elsewhere = candidate("elsewhere", { place: "Gate" });
    const here = candidate("here", { place: "Fountain" });
    expect(order([elsewhere, here], { world: "plaza", place: "Fountain" })).toEqual(["here", "elsewhere"]);
    expect(order([here, elsewhere], { world: "plaza", place: "Gate" })).toEqual(["elsewhere", "here"]);
  });

  it("boosts memories from the time the question names over better word matches from other times", () => {
    const range = { from: daysAgo(2), to: daysAgo(0), phrase: "yesterday" };
    expect(order([candidate("then", { score: 0.5, happenedAt: daysAgo(1) }), candidate("other", { score: 1, happenedAt: daysAgo(40) })], { timeRange: range })).toEqual(["then", "other"]);
  });
});

describe("fitTokenBudget", () => {
  it("keeps the best lines that fit, skipping one too long for what is left", () => {
    const lines = [{ text: "a".repeat(40) }, { text: "b".repeat(200) }, { text: "c".repeat(20) }];
    expect(fitTokenBudget(lines, 20, (text) => Math.ceil(text.length / 4)).map((l) => l.text[0])).toEqual(["a", "c"]);
    expect(fitTokenBudget(lines, 5, (text) => Math.ceil(text.length / 4))).toEqual([]);
  });
});

describe("recallMemories", () => {
  let db: Database;
  let scope: { ownerId: string; companionId: string };
  beforeAll(async () => {
    db = await openMemoryDatabase();
    scope = await addOwner(db);
    const at = (text: string, days: number, place = "Gate") => recordEpisode(db, { ...scope, text, speaker: "Alice", happenedAt: daysAgo(days), world: "plaza", place });
    await at("We fed the ducks at the pond", 30);
    await at("We fed the ducks at the pond again", 1);
    await at("We watched the lanterns rise", 1);
    await at("The lanterns reminded me of home", 60, "Fountain");
    await at("The lanterns were brighter this year", 60);
    await storeFact(db, scope, { kind: "place", subject: "home", value: "Bergen", confidence: 0.9 }, undefined, daysAgo(60));
  });
  afterAll(() => db.close());

  const ask = (query: string, extra: Partial<Parameters<typeof recallMemories>[2]> = {}) =>
    recallMemories(db, query, { scope: { ...scope, speakerIsOwner: true }, now, timeZone: "UTC", candidates: 10, facts: 4, world: "plaza", ...extra });

  it("puts yesterday's memory first when the question says yesterday", async () => {
    const { memories, timeRange } = await ask("What did we do with the ducks yesterday?");
    expect(timeRange?.phrase).toBe("yesterday");
    expect(memories[0]!.text).toBe("We fed the ducks at the pond again");
  });

  it("finds what happened at a named time even when no word matches", async () => {
    const { memories } = await ask("What did we do yesterday?");
    expect(memories.map((m) => m.text).slice(0, 2).sort()).toEqual(["We fed the ducks at the pond again", "We watched the lanterns rise"]);
  });

  it("prefers the memory made where we stand now", async () => {
    const atFountain = await ask("lanterns home brighter", { place: "Fountain" });
    const atGate = await ask("lanterns home brighter", { place: "Gate" });
    const rank = (memories: { text: string }[], text: string) => memories.findIndex((m) => m.text === text);
    expect(rank(atFountain.memories, "The lanterns reminded me of home")).toBeLessThan(rank(atGate.memories, "The lanterns reminded me of home"));
  });

  it("recalls current facts alongside, for the owner only, and leaves out excluded memories", async () => {
    const owner = await ask("where is home?");
    expect(owner.facts.map((f) => f.value)).toEqual(["Bergen"]);
    const stranger = await recallMemories(db, "where is home? lanterns", { scope: { ...scope, speakerIsOwner: false }, now, timeZone: "UTC", candidates: 10, facts: 4 });
    expect(stranger).toMatchObject({ facts: [], memories: [] });
    const without = await ask("ducks pond", { exclude: (m) => m.text.includes("again"), excludeAllowance: 1 });
    expect(without.memories[0]!.text).toBe("We fed the ducks at the pond");
    expect(without.memories.map((m) => m.text)).not.toContain("We fed the ducks at the pond again");
  });
});
