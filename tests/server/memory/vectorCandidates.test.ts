import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEpisode, vectorCandidates } from "../../../server/memory";
import { nearestMemoriesSql } from "../../../server/memory/vectorCandidates";
import { registerEmbeddingModel, type EmbeddingModelRef } from "../../../server/memory/embeddings";
import { storeEmbeddings } from "../../../server/memory/embeddings/embeddingStore";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { openTestDatabase } from "../support/database";

let db: Database;
let model: EmbeddingModelRef;
const ownerId = randomUUID();
const companionId = randomUUID();
const strangerId = randomUUID();
const scope = { ownerId, companionId };

async function remember(text: string, vector: number[], extra: { visibility?: "private" | "shared"; speakerId?: string } = {}) {
  const { id } = await recordEpisode(db, { ...scope, text, visibility: extra.visibility ?? "private" });
  if (extra.speakerId) await db.query("UPDATE memories SET speaker_id = $2 WHERE id = $1", [id, extra.speakerId]);
  await storeEmbeddings(db, model, [{ memoryId: id, vector }]);
  return id;
}

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
  for (const id of [ownerId, strangerId]) await db.query("INSERT INTO users (id, name) VALUES ($1, 'someone')", [id]);
  await db.query("INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, 'Kin', '{}', 1)", [companionId, ownerId]);
  model = await registerEmbeddingModel(db, "test/three-d", 3);
  await remember("private and nearest", [1, 0, 0]);
  await remember("shared and second", [0.9, 0.1, 0], { visibility: "shared" });
  await remember("the stranger's own words", [0.8, 0.2, 0], { speakerId: strangerId });
  await remember("shared and far", [0, 0, 1], { visibility: "shared" });
});
afterAll(async () => {
  await db.close();
});

const query = (vector: number[]) => ({ model, vector });
const texts = async (ids: Array<{ id: string }>) => {
  const rows = await db.query<{ id: string; text: string }>("SELECT id, text FROM memories WHERE id = ANY($1::uuid[])", [ids.map((i) => i.id)]);
  return ids.map((i) => rows.find((r) => r.id === i.id)!.text);
};

describe("vectorCandidates", () => {
  it("ranks the owner's memories by cosine distance, nearest first", async () => {
    const found = await vectorCandidates(db, query([1, 0, 0]), { ...scope, speakerIsOwner: true, limit: 10 });
    expect(await texts(found)).toEqual(["private and nearest", "shared and second", "the stranger's own words", "shared and far"]);
    expect(found[0]!.distance).toBeCloseTo(0, 5);
    expect(found.at(-1)!.distance).toBeCloseTo(1, 5);
  });

  it("gives anyone but the owner only shared memories and their own words", async () => {
    const stranger = await vectorCandidates(db, query([1, 0, 0]), { ...scope, speakerIsOwner: false, speakerId: strangerId, limit: 10 });
    expect(await texts(stranger)).toEqual(["shared and second", "the stranger's own words", "shared and far"]);
    const someoneElse = await vectorCandidates(db, query([1, 0, 0]), { ...scope, speakerIsOwner: false, speakerId: randomUUID(), limit: 10 });
    expect(await texts(someoneElse)).toEqual(["shared and second", "shared and far"]);
  });

  it("honours the limit and keeps other companions' memories out", async () => {
    expect(await vectorCandidates(db, query([0, 0, 1]), { ...scope, speakerIsOwner: true, limit: 1 })).toHaveLength(1);
    const none = await vectorCandidates(db, query([1, 0, 0]), { ownerId, companionId: randomUUID(), speakerIsOwner: true, limit: 10 });
    expect(none).toEqual([]);
  });

  it("is a query the model's HNSW index can answer", async () => {
    const sql = await nearestMemoriesSql(db, model);
    const plan = await db.transaction(async (tx) => {
      // With so few rows, reading this companion's memories and sorting them is cheaper. Forbidding
      // sorts leaves ordering by the HNSW index as the only plan: there is one only if the index
      // matches the query's cast and model predicate. (The plan at scale: npm run bench -- memory-scale.)
      await tx.query("SET LOCAL enable_sort = off");
      const rows = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, [
        "[1,0,0]", companionId, ownerId, false, strangerId, 5,
      ]);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain(`memory_embeddings_hnsw_${model.id}`);
  });

  it("keeps its index-scan settings to itself: the session's stay as they were", async () => {
    const settings = () => db.query("SELECT current_setting('hnsw.iterative_scan') AS scan, current_setting('hnsw.ef_search') AS ef");
    await vectorCandidates(db, query([1, 0, 0]), { ...scope, speakerIsOwner: true, limit: 1 }); // pgvector's settings exist once it is loaded
    const before = await settings();
    expect(await vectorCandidates(db, query([1, 0, 0]), { ...scope, speakerIsOwner: false, limit: 200 })).toHaveLength(2);
    expect(await settings()).toEqual(before);
    expect(before).toEqual([{ scan: "off", ef: "40" }]);
  });

  it("refuses a query vector of the wrong dimension and a bad limit", async () => {
    await expect(vectorCandidates(db, query([1, 0]), { ...scope, speakerIsOwner: true, limit: 5 })).rejects.toThrow(/2 dimensions, the model 3/);
    await expect(vectorCandidates(db, query([1, 0, 0]), { ...scope, speakerIsOwner: true, limit: 0 })).rejects.toThrow(/limit/);
  });
});

describe("registerEmbeddingModel and storeEmbeddings", () => {
  it("refuses vectors of another dimension, storing nothing", async () => {
    const before = await db.query("SELECT memory_id FROM memory_embeddings");
    const { id } = await recordEpisode(db, { ...scope, text: "not embedded" });
    await expect(storeEmbeddings(db, model, [{ memoryId: id, vector: [1, 0] }])).rejects.toThrow(/3-d vector, got 2-d/);
    expect(await db.query("SELECT memory_id FROM memory_embeddings")).toHaveLength(before.length);
  });

  it("starts a model over when its dimension changes, and refuses impossible dimensions", async () => {
    const first = await registerEmbeddingModel(db, "test/changing", 3);
    const { id } = await recordEpisode(db, { ...scope, text: "embedded by the old model" });
    await storeEmbeddings(db, first, [{ memoryId: id, vector: [0, 1, 0] }]);
    const again = await registerEmbeddingModel(db, "test/changing", 3);
    expect(again.id).toBe(first.id);
    const changed = await registerEmbeddingModel(db, "test/changing", 4);
    expect(changed.dimensions).toBe(4);
    expect(await db.query("SELECT 1 FROM memory_embeddings WHERE model_id = $1", [first.id])).toEqual([]);
    await expect(registerEmbeddingModel(db, "test/huge", 4096)).rejects.toThrow(/1\.\.2000/);
    await expect(registerEmbeddingModel(db, "test/half", 1.5)).rejects.toThrow(/whole number/);
  });
});
