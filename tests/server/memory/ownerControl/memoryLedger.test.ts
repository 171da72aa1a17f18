import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerLedger, LedgerError, recall, type OwnerLedger, type OwnerScope } from "../../../../server/memory";
import { registerEmbeddingModel, toVectorLiteral } from "../../../../server/memory/embeddings";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";
import { episodeContext, SEEDED_LINES, seedRemembered } from "./ledgerFixtures";

let db: Database;
let ledger: OwnerLedger;
beforeAll(async () => {
  db = await openMemoryDatabase();
  ledger = createOwnerLedger({ db });
});
afterAll(() => db.close());

async function rememberedBy(name: string): Promise<{ scope: OwnerScope; episodeIds: string[] }> {
  const scope = await addOwner(db, name);
  return { scope, ...(await seedRemembered(db, scope, name)) };
}

const refusal = (reason: string) => expect.objectContaining({ name: "LedgerError", reason });

describe("listing memories", () => {
  it("pages newest first with a cursor, and only the owner's memories of this companion", async () => {
    const { scope } = await rememberedBy("Ann");
    await rememberedBy("Bea");
    const first = await ledger.listMemories(scope, { limit: 3 });
    expect(first.memories.map((m) => m.kind)).toEqual(["reflection", "episode", "episode"]);
    expect(first.memories[1]).toMatchObject({ text: SEEDED_LINES[4].text, speaker: "Ann", world: "meadow", place: "the old oak", visibility: "private" });
    const rest = await ledger.listMemories(scope, { limit: 10, before: first.next! });
    expect(rest.next).toBeNull();
    const texts = [...first.memories, ...rest.memories].map((m) => m.text);
    expect(texts).toHaveLength(7);
    expect(texts.at(-1)).toBe("The day I first met Ann.");
    expect(texts.join(" ")).not.toContain("Bea");
  });

  it("searches the full-text column with stemming, narrowed by kind", async () => {
    const { scope } = await rememberedBy("Cai");
    const found = await ledger.listMemories(scope, { q: "painting", limit: 10 });
    expect(found.memories.map((m) => m.text)).toEqual([SEEDED_LINES[0].text]);
    expect((await ledger.listMemories(scope, { q: "london rain", limit: 10 })).memories.map((m) => m.text)).toEqual([SEEDED_LINES[3].text]);
    expect((await ledger.listMemories(scope, { q: "Cai", kind: "milestone", limit: 10 })).memories.map((m) => m.kind)).toEqual(["milestone"]);
  });

  it("refuses a cursor it never gave", async () => {
    const { scope } = await rememberedBy("Dee");
    await expect(ledger.listMemories(scope, { limit: 5, before: "yesterday" })).rejects.toThrow(LedgerError);
  });
});

describe("editing a memory", () => {
  it("changes text, visibility and importance; search and the neighbours' context follow the new text", async () => {
    const { scope, episodeIds } = await rememberedBy("Eve");
    const edited = await ledger.editMemory(scope, episodeIds[2]!, { text: "I settled in Berlin a while ago.", visibility: "shared", importance: 0.8 });
    expect(edited).toMatchObject({ text: "I settled in Berlin a while ago.", visibility: "shared", importance: expect.closeTo(0.8, 5) });
    expect((await ledger.listMemories(scope, { q: "berlin", limit: 5 })).memories.map((m) => m.id)).toEqual([episodeIds[2]]);
    const context = await episodeContext(db, scope);
    expect(context[SEEDED_LINES[1].text]!.after).toBe("I settled in Berlin a while ago.");
    expect(context[SEEDED_LINES[3].text]!.before).toBe("I settled in Berlin a while ago.");
    // The old words are found nowhere any more: not in the memory, not beside it.
    expect(await recall(db, "spring", { ...scope, speakerIsOwner: true, k: 10 })).toEqual([]);
  });

  it("drops the memory's vector when its text changes, so the new words are embedded", async () => {
    const { scope, episodeIds } = await rememberedBy("Fay");
    const model = await registerEmbeddingModel(db, "test-model", 3);
    await db.query("INSERT INTO memory_embeddings (memory_id, model_id, embedding) VALUES ($1, $2, $3::vector), ($4, $2, $3::vector)", [
      episodeIds[0], model.id, toVectorLiteral([1, 0, 0]), episodeIds[1],
    ]);
    await ledger.editMemory(scope, episodeIds[0]!, { importance: 1 });
    await ledger.editMemory(scope, episodeIds[1]!, { text: "Does she sell them at the market?" });
    const embedded = await db.query<{ memory_id: string }>("SELECT memory_id FROM memory_embeddings WHERE memory_id = ANY ($1::uuid[])", [episodeIds]);
    expect(embedded.map((r) => r.memory_id)).toEqual([episodeIds[0]]);
  });

  it("refuses another owner's memory and an id that is no id, changing nothing", async () => {
    const { scope, episodeIds } = await rememberedBy("Gil");
    const { scope: other } = await rememberedBy("Hal");
    await expect(ledger.editMemory(other, episodeIds[0]!, { text: "hacked" })).rejects.toEqual(refusal("not_found"));
    await expect(ledger.editMemory(scope, "not-an-id", { text: "hacked" })).rejects.toEqual(refusal("not_found"));
    expect((await ledger.listMemories(scope, { q: "hacked", limit: 5 })).memories).toEqual([]);
  });
});

describe("deleting a memory", () => {
  it("forgets it everywhere: the row, its vector, its words beside its neighbours, its place among the facts' sources", async () => {
    const { scope, episodeIds } = await rememberedBy("Ida");
    const model = await registerEmbeddingModel(db, "test-model", 3);
    await db.query("INSERT INTO memory_embeddings (memory_id, model_id, embedding) VALUES ($1, $2, $3::vector)", [episodeIds[0], model.id, toVectorLiteral([0, 1, 0])]);
    await ledger.deleteMemory(scope, episodeIds[0]!);
    await ledger.deleteMemory(scope, episodeIds[2]!);
    expect(await db.query("SELECT 1 FROM memory_embeddings WHERE memory_id = $1", [episodeIds[0]])).toEqual([]);
    const context = await episodeContext(db, scope);
    expect(Object.keys(context)).toEqual([SEEDED_LINES[1].text, SEEDED_LINES[3].text, SEEDED_LINES[4].text]);
    expect(context[SEEDED_LINES[1].text]).toEqual({ before: "", after: SEEDED_LINES[3].text });
    expect(context[SEEDED_LINES[3].text]!.before).toBe(SEEDED_LINES[1].text);
    expect(await recall(db, "watercolours spring", { ...scope, speakerIsOwner: true, k: 10 })).toEqual([]);
    const sources = await db.query<{ source_episodes: string[] }>("SELECT source_episodes FROM facts WHERE owner_id = $1", [scope.ownerId]);
    expect(sources.flatMap((r) => r.source_episodes)).toEqual([episodeIds[4]]);
  });

  it("refuses a memory that is not there, or not the owner's", async () => {
    const { scope, episodeIds } = await rememberedBy("Jon");
    const { scope: other } = await rememberedBy("Kay");
    await expect(ledger.deleteMemory(other, episodeIds[0]!)).rejects.toEqual(refusal("not_found"));
    await ledger.deleteMemory(scope, episodeIds[0]!);
    await expect(ledger.deleteMemory(scope, episodeIds[0]!)).rejects.toEqual(refusal("not_found"));
  });
});
