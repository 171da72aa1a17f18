import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPersona } from "../../../../shared/persona";
import { createOwnerLedger, EXPORT_FORMAT, parseCompanionExport, type CompanionExport, type OwnerLedger, type OwnerScope } from "../../../../server/memory";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";
import { MET, seedRemembered } from "./ledgerFixtures";

let db: Database;
let ledger: OwnerLedger;
beforeAll(async () => {
  db = await openMemoryDatabase();
  ledger = createOwnerLedger({ db, clock: () => new Date(MET.getTime() + 3_600_000) });
});
afterAll(() => db.close());

/** An export document as the HTTP route writes it, through JSON as a download would. */
async function exportOf(scope: OwnerScope): Promise<CompanionExport> {
  const persona = defaultPersona();
  const document: CompanionExport = {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    ownerId: scope.ownerId,
    companion: { id: scope.companionId, name: persona.name, version: 1, persona, personaVersions: [] },
    ...(await ledger.exportMemories(scope)),
  };
  return parseCompanionExport(JSON.parse(JSON.stringify(document)));
}

/** Everything the ledger shows, without the ids (they are new after an import). */
async function remembered(scope: OwnerScope) {
  const { memories } = await ledger.listMemories(scope, { limit: 200 });
  const facts = await ledger.listFacts(scope);
  return {
    memories: memories.map(({ id: _id, ...memory }) => memory),
    facts: facts.map(({ id: _id, history, ...fact }) => ({ ...fact, history: history.map(({ id: _hid, ...old }) => old) })),
    relationship: await ledger.relationship(scope),
  };
}

async function rememberedBy(name: string) {
  const scope = await addOwner(db, name);
  return { scope, ...(await seedRemembered(db, scope, name)) };
}

describe("export then import into another account", () => {
  it("reproduces memories, facts with their history, and the relationship, under new ids", async () => {
    const { scope } = await rememberedBy("Ann");
    const target = await addOwner(db, "Ann again");
    const document = await exportOf(scope);
    expect(document.memories).toHaveLength(7);
    const report = await ledger.importMemories(target, document, "merge");
    expect(report).toEqual({ mode: "merge", memories: { added: 7, skipped: 0 }, facts: { added: 4, skipped: 0 }, relationship: "imported" });
    expect(await remembered(target)).toEqual(await remembered(scope));
    const ids = await db.query<{ id: string }>("SELECT id FROM memories WHERE owner_id = $1 UNION ALL SELECT id FROM facts WHERE owner_id = $1", [target.ownerId]);
    const originalIds = new Set([...document.memories.map((m) => m.id), ...document.facts.map((f) => f.id)]);
    expect(ids.filter((r) => originalIds.has(r.id))).toEqual([]);
  });

  it("rewrites the references: the owner's own words, facts' sources, supersession", async () => {
    const { scope } = await rememberedBy("Bea");
    const target = await addOwner(db, "Bea");
    await ledger.importMemories(target, await exportOf(scope), "replace");
    const spoken = await db.query<{ text: string; speaker_id: string | null }>("SELECT text, speaker_id FROM memories WHERE owner_id = $1 AND speaker_id IS NOT NULL", [target.ownerId]);
    expect(spoken.map((m) => m.speaker_id)).toEqual([target.ownerId, target.ownerId, target.ownerId]);
    const linked = await db.query<{ value: string; superseded_by_value: string | null; sources: string[] }>(
      `SELECT f.value, s.value AS superseded_by_value,
              ARRAY(SELECT m.text FROM memories m WHERE m.id = ANY (f.source_episodes)) AS sources
       FROM facts f LEFT JOIN facts s ON s.id = f.superseded_by WHERE f.owner_id = $1 ORDER BY f.valid_from`,
      [target.ownerId],
    );
    expect(linked.map((f) => [f.value, f.superseded_by_value, f.sources.length])).toEqual([
      ["London", "Paris", 0],
      ["Maya", null, 1],
      ["Paris", null, 1],
      ["olives", null, 1],
    ]);
  });

  it("adds nothing when the same document is imported twice, in either mode", async () => {
    const { scope } = await rememberedBy("Cai");
    const target = await addOwner(db, "Cai");
    const document = await exportOf(scope);
    await ledger.importMemories(target, document, "merge");
    const once = await remembered(target);
    expect(await ledger.importMemories(target, document, "merge")).toEqual({
      mode: "merge",
      memories: { added: 0, skipped: 7 },
      facts: { added: 0, skipped: 4 },
      relationship: "merged",
    });
    expect(await remembered(target)).toEqual(once);
    await ledger.importMemories(target, document, "replace");
    expect(await remembered(target)).toEqual(once);
  });

  it("merge keeps what is remembered here; replace forgets it first", async () => {
    const { scope } = await rememberedBy("Dee");
    const target = await rememberedBy("Dee");
    await db.query("UPDATE facts SET value = 'Oslo' WHERE owner_id = $1 AND value = 'Paris'", [target.scope.ownerId]);
    const document = await exportOf(scope);
    document.memories.push({ ...document.memories[1]!, id: crypto.randomUUID(), text: "A memory only the export has." });
    const merged = await ledger.importMemories(target.scope, document, "merge");
    expect(merged.memories).toEqual({ added: 1, skipped: 7 });
    expect((await ledger.listFacts(target.scope)).find((f) => f.subject === "home")!.value).toBe("Oslo");
    await ledger.importMemories(target.scope, document, "replace");
    expect((await ledger.listFacts(target.scope)).find((f) => f.subject === "home")!.value).toBe("Paris");
    expect((await ledger.listMemories(target.scope, { limit: 50 })).memories).toHaveLength(8);
  });

  it("changes nothing when the database refuses a row half-way through", async () => {
    const { scope } = await rememberedBy("Eve");
    const target = await rememberedBy("Eve");
    const before = await remembered(target.scope);
    const document = await exportOf(scope);
    // Two current answers to one question: only the database's unique index notices (parsing would).
    const paris = document.facts.find((f) => f.value === "Paris")!;
    document.facts.push({ ...paris, id: crypto.randomUUID(), value: "Rome" });
    await expect(ledger.importMemories(target.scope, document, "replace")).rejects.toThrow();
    expect(await remembered(target.scope)).toEqual(before);
  });
});

describe("reading an export document", () => {
  const valid = async () => JSON.parse(JSON.stringify(await exportOf((await rememberedBy("Fay")).scope))) as Record<string, unknown> & CompanionExport;

  it.each<[string, (doc: Record<string, unknown> & CompanionExport) => unknown, RegExp]>([
    ["not an object", () => [1, 2], /must be a JSON object/],
    ["a foreign document", (doc) => ({ ...doc, format: "something-else" }), /not a Kindred companion export/],
    ["a newer format", (doc) => ({ ...doc, formatVersion: 2 }), /formatVersion 2 is not one this server reads/],
    ["an empty memory", (doc) => ({ ...doc, memories: [{ ...doc.memories[0]!, text: "  " }] }), /memories\.0\.text: must not be empty/],
    ["a bad date", (doc) => ({ ...doc, facts: [{ ...doc.facts[0]!, validFrom: "last tuesday" }] }), /facts\.0\.validFrom: must be an ISO 8601 date-time/],
    ["an unknown field", (doc) => ({ ...doc, memories: [{ ...doc.memories[0]!, secret: 1 }] }), /memories\.0.*secret/],
    ["an id twice", (doc) => ({ ...doc, memories: [doc.memories[0]!, doc.memories[0]!] }), /memories: the id .* appears twice/],
    ["a dangling supersession", (doc) => ({ ...doc, facts: doc.facts.filter((f) => f.value !== "Paris") }), /facts\.\d\.supersededBy: no fact/],
    ["two current answers", (doc) => ({ ...doc, facts: [...doc.facts, { ...doc.facts.find((f) => f.value === "Paris")!, id: crypto.randomUUID() }] }), /two current facts answer "place:home"/],
    ["a broken persona", (doc) => ({ ...doc, companion: { ...doc.companion, persona: { name: "" } } }), /companion\.persona/],
  ])("refuses %s, naming the problem", async (_, breakIt, problem) => {
    const document = await valid();
    expect(() => parseCompanionExport(breakIt(document))).toThrow(problem);
  });

  it("names only the first few problems of a thoroughly broken document", async () => {
    const document = await valid();
    const broken = { ...document, memories: document.memories.map((m) => ({ ...m, importance: 7 })) };
    expect(() => parseCompanionExport(broken)).toThrow(/\(and 2 more problems\)$/);
  });
});
