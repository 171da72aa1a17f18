import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vectorCandidates } from "../../../../server/memory";
import { registerEmbeddingModel, type EmbeddingModelRef } from "../../../../server/memory/embeddings";
import { storeEmbeddings } from "../../../../server/memory/embeddings/embeddingStore";
import { createMemoryVectorIndex, indexPaths, type MemoryVectorIndex } from "../../../../server/memory/vectorIndex";
import type { Database } from "../../../../server/storage";
import { makeTempDir } from "../../support/tempDir";
import { addOwner } from "../memoryFixtures";
import { capturingLogger, DIMENSIONS, exactNearest, openVectorWorld, recordingDatabase, seeded, storeMemory, unitVector, type StoredMemory } from "./vectorIndexFixtures";

const temp = makeTempDir("kindred-vector-index-");
let db: Database;
let model: EmbeddingModelRef;
let scope: { ownerId: string; companionId: string };
const memories: StoredMemory[] = [];
const random = seeded(42);
const stranger = randomUUID();

beforeAll(async () => {
  ({ db, scope, model } = await openVectorWorld());
  for (let i = 0; i < 300; i++) {
    const visibility = random() < 0.2 ? "shared" : "private";
    memories.push(await storeMemory(db, model, scope, unitVector(random), { visibility, speakerId: i % 50 === 0 ? stranger : undefined }));
  }
});
afterAll(async () => {
  await db.close();
  temp.remove();
});

const identity = () => ({ modelId: model.id, dimensions: model.dimensions, companionId: scope.companionId });
const nearest = (index: MemoryVectorIndex | undefined, vector: number[], limit: number, speakerIsOwner = true, speakerId?: string, on: Pick<Database, "query" | "exec"> = db) =>
  vectorCandidates(on, { model, vector }, { ...scope, speakerIsOwner, speakerId, limit, index });

describe("the memory vector index", () => {
  it("is built from the stored vectors on first use, and finds the exact nearest memories without the database's vector search", async () => {
    const { logger, lines } = capturingLogger();
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger });
    // Not ready on first use: that recall is the database's, and the index is built behind it.
    expect(index.opened(model, scope.companionId)).toBeNull();
    expect(await index.ready(model, scope.companionId)).toBe(true);
    expect(lines.find((l) => l.msg === "memory vector index ready")?.source).toBe("built");
    const recorded = recordingDatabase(db as Database);
    for (let q = 0; q < 10; q++) {
      const query = unitVector(random);
      const found = await nearest(index, query, 10, true, undefined, recorded.db);
      expect(found.map((m) => m.id)).toEqual(exactNearest(memories, query, 10));
    }
    expect(recorded.statements.some((sql) => sql.includes("memory_nearest"))).toBe(false);
    await index.close();
    // Closing writes what changed since it was built; nothing did, so the built files stand.
    expect(existsSync(indexPaths(temp.path, identity()).graph)).toBe(true);
  });

  it("gives the distances the database computes, to the bit, without the database reading a vector", async () => {
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
    await index.ready(model, scope.companionId);
    for (const speakerIsOwner of [true, false]) {
      const query = unitVector(random);
      const recorded = recordingDatabase(db);
      const found = await nearest(index, query, 20, speakerIsOwner, randomUUID(), recorded.db);
      expect(recorded.statements.some((sql) => sql.includes("<=>") || sql.includes("embedding "))).toBe(false);
      const rows = await db.query<{ id: string; distance: number }>(
        "SELECT e.memory_id AS id, e.embedding <=> $1::vector AS distance FROM memory_embeddings e WHERE e.memory_id = ANY($2::uuid[]) AND e.model_id = $3",
        [`[${query.join(",")}]`, found.map((m) => m.id), model.id],
      );
      const stored = new Map(rows.map((r) => [r.id, Number(r.distance)]));
      expect(found.map((m) => m.distance)).toEqual(found.map((m) => stored.get(m.id)));
    }
    await index.close();
  });

  it("asks the database, in one statement, about the ranked candidates only until it has as many as wanted", async () => {
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
    await index.ready(model, scope.companionId);
    for (const [speakerIsOwner, speakerId] of [[true, undefined], [false, randomUUID()]] as const) {
      const recorded = recordingDatabase(db);
      expect(await nearest(index, unitVector(random), 7, speakerIsOwner, speakerId, recorded.db)).toHaveLength(7);
      expect(recorded.statements).toHaveLength(1);
      // The graph's ranking goes in whole; the check of each candidate stops at the 7th visible one.
      const plan = (await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${recorded.statements[0]}`, recorded.params[0])).map((r) => r["QUERY PLAN"]);
      const probe = plan.find((line) => /Index (Only )?Scan/.test(line))!;
      // Each probe reads who may see the memory from the index migration 013 made for it.
      expect(probe).toContain("memories_seen_by");
      const probes = Number(probe.match(/loops=(\d+)/)![1]);
      const visible = await db.query<{ seq: string }>(
        "SELECT seq FROM memories WHERE seq = ANY($1::text::bigint[]) AND ($2 OR visibility = 'shared')",
        [recorded.params[0]![0], speakerIsOwner],
      );
      const ranked = String(recorded.params[0]![0]).slice(1, -1).split(",").map(Number);
      const seen = new Set(visible.map((r) => Number(r.seq)));
      expect(ranked.length).toBeGreaterThan(7);
      expect(probes).toBe(ranked.findIndex((_, i) => ranked.slice(0, i + 1).filter((seq) => seen.has(seq)).length === 7) + 1);
    }
    await index.close();
  });

  it("never gives anyone but the owner a private memory, and never fewer than they may see", async () => {
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
    await index.ready(model, scope.companionId);
    const shared = memories.filter((m) => m.visibility === "shared");
    const theirs = memories.filter((m, i) => m.visibility === "shared" || i % 50 === 0);
    for (const limit of [1, 3, 10, 50, 200]) {
      for (let q = 0; q < 5; q++) {
        const query = unitVector(random);
        const someone = await nearest(index, query, limit, false, randomUUID());
        expect(someone.map((m) => m.id)).toEqual(exactNearest(shared, query, limit));
        // The stranger also recalls their own words, private or not.
        const theirOwn = await nearest(index, query, limit, false, stranger);
        expect(theirOwn.map((m) => m.id)).toEqual(exactNearest(theirs, query, limit));
      }
    }
    await index.close();
  });

  it("asks the database's own search when the graph holds too few memories this speaker may see", async () => {
    const lonely = await addOwner(db, "Carol");
    const near = unitVector(random);
    for (let i = 0; i < 160; i++) await storeMemory(db, model, lonely, unitVector(random, near, 0.2));
    const onlyShared = await storeMemory(db, model, lonely, near.map((x) => -x), { visibility: "shared" });
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
    await index.ready(model, lonely.companionId);
    const recorded = recordingDatabase(db);
    const found = await vectorCandidates(recorded.db, { model, vector: near }, { ...lonely, speakerIsOwner: false, speakerId: randomUUID(), limit: 1, index });
    expect(found.map((m) => m.id)).toEqual([onlyShared.id]);
    expect(recorded.statements.some((sql) => sql.includes("memory_nearest"))).toBe(true);
    await index.close();
  });

  it("loads its files on the next start, and takes memories embedded while it is open", async () => {
    const { logger, lines } = capturingLogger();
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger, saveAfterMs: 60_000 });
    await index.ready(model, scope.companionId);
    expect(lines.find((l) => l.msg === "memory vector index ready")?.source).toBe("file");
    const added = await storeMemory(db, model, scope, unitVector(random), { visibility: "shared" });
    memories.push(added);
    index.embedded(model, [{ companionId: scope.companionId, seq: added.seq, vector: added.vector }]);
    await index.ready(model, scope.companionId);
    expect(index.opened(model, scope.companionId)!.has(added.seq)).toBe(true);
    expect((await nearest(index, added.vector, 1))[0]!.id).toBe(added.id);
    const before = statSync(indexPaths(temp.path, identity()).keys).mtimeMs;
    await index.close();
    // The change is written on close: the next start loads it instead of catching up.
    expect(statSync(indexPaths(temp.path, identity()).keys).mtimeMs).toBeGreaterThan(before);
    const keys = readFileSync(indexPaths(temp.path, identity()).keys);
    expect(new BigUint64Array(keys.buffer, keys.byteOffset, keys.length / 8)).toContain(BigInt(added.seq));
  });

  it("never returns a memory deleted behind its back, and forgets it when told", async () => {
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
    await index.ready(model, scope.companionId);
    const victim = memories.pop()!;
    await db.query("DELETE FROM memories WHERE id = $1", [victim.id]);
    const found = await nearest(index, victim.vector, 5);
    expect(found.map((m) => m.id)).toEqual(exactNearest(memories, victim.vector, 5));
    expect(index.opened(model, scope.companionId)!.has(victim.seq)).toBe(true);
    index.forgotten(scope.companionId);
    await index.ready(model, scope.companionId);
    expect(index.opened(model, scope.companionId)!.has(victim.seq)).toBe(false);
    await index.close();
  });

  it("rebuilds a damaged file with a clear log line instead of loading it", async () => {
    const graph = indexPaths(temp.path, identity()).graph;
    writeFileSync(graph, Buffer.alloc(statSync(graph).size, 7));
    const { logger, lines } = capturingLogger();
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger });
    expect(await index.ready(model, scope.companionId)).toBe(true);
    expect(lines.find((l) => l.msg.includes("building it from the stored vectors"))).toMatchObject({ level: 40, problem: expect.stringContaining("damaged") });
    expect(lines.find((l) => l.msg === "memory vector index ready")?.source).toBe("built");
    const query = unitVector(random);
    expect((await nearest(index, query, 10)).map((m) => m.id)).toEqual(exactNearest(memories, query, 10));
    await index.close();
  });

  it("catches up with memories stored while it was closed, and drops those deleted", async () => {
    const later = [await storeMemory(db, model, scope, unitVector(random)), await storeMemory(db, model, scope, unitVector(random))];
    const gone = memories.shift()!;
    await db.query("DELETE FROM memories WHERE id = $1", [gone.id]);
    memories.push(...later);
    const { logger, lines } = capturingLogger();
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger });
    await index.ready(model, scope.companionId);
    expect(lines.find((l) => l.msg === "memory vector index ready")?.source).toBe("file");
    const opened = index.opened(model, scope.companionId)!;
    expect(later.every((m) => opened.has(m.seq))).toBe(true);
    expect(opened.has(gone.seq)).toBe(false);
    expect(opened.size).toBe(memories.length);
    await index.close();
  });

  it("keeps each companion and each model apart", async () => {
    const other = await addOwner(db, "Bob");
    const theirs = await storeMemory(db, model, other, memories[0]!.vector);
    const secondModel = await registerEmbeddingModel(db, "test/another-eight-d", DIMENSIONS);
    await storeEmbeddings(db, secondModel, [{ memoryId: memories[1]!.id, vector: memories[1]!.vector }]);
    const index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
    await index.ready(model, scope.companionId);
    await index.ready(model, other.companionId);
    await index.ready(secondModel, scope.companionId);
    expect(index.opened(model, other.companionId)!.size).toBe(1);
    expect(index.opened(secondModel, scope.companionId)!.size).toBe(1);
    expect((await nearest(index, memories[0]!.vector, 3)).map((m) => m.id)).not.toContain(theirs.id);
    const elsewhere = await vectorCandidates(db, { model, vector: memories[0]!.vector }, { ...other, speakerIsOwner: true, limit: 3, index });
    expect(elsewhere.map((m) => m.id)).toEqual([theirs.id]);
    const underSecond = await vectorCandidates(db, { model: secondModel, vector: memories[0]!.vector }, { ...scope, speakerIsOwner: true, limit: 3, index });
    expect(underSecond.map((m) => m.id)).toEqual([memories[1]!.id]);
    await index.close();
  });
});
