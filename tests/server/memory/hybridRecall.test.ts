import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuseRankings, recall, recordEpisode, vectorCandidates, type QueryEmbedder } from "../../../server/memory";
import type { EmbeddingModelRef } from "../../../server/memory/embeddings";
import { storeEmbeddings } from "../../../server/memory/embeddings/embeddingStore";
import { fullTextRecall, MAX_REACH } from "../../../server/memory/recall/fullTextRecall";
import { FUSION_DEPTH } from "../../../server/memory/vectorFusion";
import { createMemoryVectorIndex, type MemoryVectorIndex } from "../../../server/memory/vectorIndex";
import type { Database, Queryable } from "../../../server/storage";
import { makeTempDir } from "../support/tempDir";
import { capturingLogger, openVectorWorld, seeded, unitVector } from "./vectorIndex/vectorIndexFixtures";

// Hybrid recall ranks ids on both sides and reads the rows of the winners only: these tests hold
// it to what fusing the two full rankings gives, row for row, and to the privacy rules.
const WORDS = ["harbour", "lamp", "kitten", "garden", "paint", "river", "concert", "sister", "bakery", "train", "snow", "guitar"];
const K = 10;
const temp = makeTempDir("kindred-hybrid-recall-");
const random = seeded(7);
const stranger = randomUUID();
let db: Database;
let model: EmbeddingModelRef;
let scope: { ownerId: string; companionId: string };
let index: MemoryVectorIndex;
const stored: Array<{ id: string; vector: number[] }> = [];

const sentence = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");

beforeAll(async () => {
  ({ db, scope, model } = await openVectorWorld());
  for (let i = 0; i < 160; i++) {
    const visibility = random() < 0.25 ? "shared" : "private";
    const { id } = await recordEpisode(db, { ...scope, text: `We talked about the ${sentence()}`, speaker: "Alice", visibility, speakerId: i % 9 === 0 ? stranger : undefined, importance: random(), place: i % 3 === 0 ? "the pier" : undefined });
    const vector = unitVector(random);
    await storeEmbeddings(db, model, [{ memoryId: id, vector }]);
    stored.push({ id, vector });
  }
  index = createMemoryVectorIndex({ db, dir: temp.path, logger: capturingLogger().logger });
  expect(await index.ready(model, scope.companionId)).toBe(true);
});
afterAll(async () => {
  await index.close();
  await db.close();
  temp.remove();
});

const embedder = (vector: number[], vectorIndex?: MemoryVectorIndex): QueryEmbedder => ({ embedQuery: async () => ({ model, vector }), vectorIndex });
const speakers = () => [
  { speakerIsOwner: true, speakerId: undefined },
  { speakerIsOwner: false, speakerId: stranger },
  { speakerIsOwner: false, speakerId: randomUUID() },
];

/** What fusing both rankings read in full gives: the fused ids and scores with each memory's stored row. */
async function fusedInFull(query: string, vector: number[], who: { speakerIsOwner: boolean; speakerId: string | undefined }, vectorIndex?: MemoryVectorIndex) {
  const asker = { ...scope, ...who };
  const text = await fullTextRecall(db, query, asker, FUSION_DEPTH, MAX_REACH, K);
  const near = await vectorCandidates(db, { model, vector }, { ...asker, limit: FUSION_DEPTH, index: vectorIndex });
  const fused = fuseRankings([text.map((m) => m.id), near.map((m) => m.id)]).slice(0, K);
  const rows = await db.query<{ id: string; text: string; visibility: string; importance: number; place: string | null; happened_at: Date }>(
    "SELECT id, text, visibility, importance, place, happened_at FROM memories WHERE id = ANY($1::uuid[])",
    [fused.map((f) => f.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return fused.map((f) => {
    const row = byId.get(f.id)!;
    return { id: f.id, score: f.score, text: row.text, visibility: row.visibility, importance: Number(row.importance), place: row.place, happenedAt: new Date(row.happened_at).toISOString() };
  });
}

const comparable = (found: Awaited<ReturnType<typeof recall>>) =>
  found.map((m) => ({ id: m.id, score: m.score, text: m.text, visibility: m.visibility, importance: m.importance, place: m.place, happenedAt: m.happenedAt.toISOString() }));

describe("hybrid recall", () => {
  it("returns what fusing both full rankings gives, row for row, through the index and through the database", async () => {
    for (let q = 0; q < 8; q++) {
      const query = `${WORDS[q]} and the ${WORDS[(q * 5 + 3) % WORDS.length]}?`;
      const vector = unitVector(random);
      for (const who of speakers()) {
        for (const vectorIndex of [index, undefined]) {
          const found = await recall(db, query, { ...scope, ...who, k: K, embeddings: embedder(vector, vectorIndex) });
          expect(found).toHaveLength(K);
          expect(comparable(found)).toEqual(await fusedInFull(query, vector, who, vectorIndex));
        }
      }
    }
  });

  it("never returns anyone but the owner a private memory, except their own words", async () => {
    const rules = new Map((await db.query<{ id: string; visibility: string; speaker_id: string | null }>("SELECT id, visibility, speaker_id FROM memories WHERE companion_id = $1", [scope.companionId])).map((r) => [r.id, r]));
    const privateOnes = stored.filter((m) => rules.get(m.id)!.visibility === "private" && rules.get(m.id)!.speaker_id !== stranger);
    for (const memory of privateOnes.slice(0, 8)) {
      // The query points straight at a private memory; with words many private memories hold, and
      // with a word none holds (then the vector side alone decides).
      for (const query of ["kitten garden harbour", "zebra"]) {
        for (const speakerId of [stranger, randomUUID()]) {
          const found = await recall(db, query, { ...scope, speakerIsOwner: false, speakerId, k: K, embeddings: embedder(memory.vector, index) });
          expect(found).toHaveLength(K);
          for (const m of found) expect(rules.get(m.id)!.visibility === "shared" || rules.get(m.id)!.speaker_id === speakerId).toBe(true);
        }
      }
      const owner = await recall(db, "zebra", { ...scope, speakerIsOwner: true, k: K, embeddings: embedder(memory.vector, index) });
      expect(owner[0]!.id).toBe(memory.id);
    }
    const theirOwn = stored.find((m) => rules.get(m.id)!.visibility === "private" && rules.get(m.id)!.speaker_id === stranger)!;
    const found = await recall(db, "zebra", { ...scope, speakerIsOwner: false, speakerId: stranger, k: K, embeddings: embedder(theirOwn.vector, index) });
    expect(found[0]!.id).toBe(theirOwn.id);
  });

  it("reads the rows of the memories it returns, not of everything it ranked", async () => {
    const returned: Array<{ sql: string; rows: unknown[] }> = [];
    const recording: Queryable = {
      query: async <Row>(sql: string, params?: readonly unknown[]) => {
        const rows = await db.query<Row>(sql, params);
        returned.push({ sql, rows });
        return rows;
      },
      exec: (sql) => db.exec(sql),
    };
    // Rows carrying a memory's text, from any statement but the full-text ranking (which brings its own).
    const rowsRead = () => returned.filter((r) => !r.sql.includes("ts_rank")).flatMap((r) => r.rows).filter((row) => typeof row === "object" && row !== null && "text" in row).length;
    const vector = unitVector(random);
    // No memory holds the word: every winner is the vector side's, and only the winners' rows are read.
    expect(await recall(recording, "zebra", { ...scope, speakerIsOwner: true, k: K, embeddings: embedder(vector, index) })).toHaveLength(K);
    expect(rowsRead()).toBe(K);
    returned.length = 0;
    expect(await recall(recording, "lamp and the river?", { ...scope, speakerIsOwner: true, k: K, embeddings: embedder(vector, index) })).toHaveLength(K);
    expect(rowsRead()).toBeLessThanOrEqual(K);
  });

  it("never returns, through the index, a memory forgotten or made private behind the index's back", async () => {
    const vector = unitVector(random);
    const forgotten = await recordEpisode(db, { ...scope, text: "A thing to forget", speaker: "Alice", visibility: "shared" });
    const hidden = await recordEpisode(db, { ...scope, text: "A thing to hide", speaker: "Alice", visibility: "shared" });
    await storeEmbeddings(db, model, [{ memoryId: forgotten.id, vector }, { memoryId: hidden.id, vector }]);
    const [f, h] = await db.query<{ seq: string }>("SELECT seq FROM memories WHERE id = ANY($1::uuid[]) ORDER BY seq", [[forgotten.id, hidden.id]]);
    index.embedded(model, [f, h].map((row) => ({ companionId: scope.companionId, seq: Number(row!.seq), vector })));
    await index.ready(model, scope.companionId);
    const someone = { ...scope, speakerIsOwner: false, speakerId: randomUUID(), k: K, embeddings: embedder(vector, index) };
    // Both point where the query points: the vector side's first two, for anyone.
    expect((await recall(db, "zebra", someone)).slice(0, 2).map((m) => m.id).sort()).toEqual([forgotten.id, hidden.id].sort());
    // The index is not told: the database decides.
    await db.query("DELETE FROM memories WHERE id = $1", [forgotten.id]);
    await db.query("UPDATE memories SET visibility = 'private' WHERE id = $1", [hidden.id]);
    const found = (await recall(db, "zebra", someone)).map((m) => m.id);
    expect(found).toHaveLength(K);
    expect(found).not.toContain(forgotten.id);
    expect(found).not.toContain(hidden.id);
    const owner = (await recall(db, "zebra", { ...someone, speakerIsOwner: true, speakerId: undefined })).map((m) => m.id);
    expect(owner[0]).toBe(hidden.id);
    expect(owner).not.toContain(forgotten.id);
  });

  it("leaves out a winner forgotten between the ranking and the reading of its row; the next one takes its place", async () => {
    // A memory pointing where the query points: the vector side's first.
    const { id } = await recordEpisode(db, { ...scope, text: "Something else entirely", speaker: "Alice" });
    const vector = unitVector(random);
    await storeEmbeddings(db, model, [{ memoryId: id, vector }]);
    const forgetting: Queryable = {
      query: async <Row>(sql: string, params?: readonly unknown[]) => {
        const rows = await db.query<Row>(sql, params);
        if (sql.includes("memory_nearest")) await db.query("DELETE FROM memories WHERE id = $1", [id]);
        return rows;
      },
      exec: (sql) => db.exec(sql),
    };
    // A word no memory holds: the vector side alone ranks, and this memory comes first.
    const before = await recall(db, "zebra", { ...scope, speakerIsOwner: true, k: K + 1, embeddings: embedder(vector) });
    expect(before[0]!.id).toBe(id);
    const found = await recall(forgetting, "zebra", { ...scope, speakerIsOwner: true, k: K, embeddings: embedder(vector) });
    expect(found.map((m) => m.id)).toEqual(before.slice(1).map((m) => m.id));
    expect(found.map((m) => m.score)).toEqual(before.slice(1).map((m) => m.score));
  });

  it("takes the owner's vector side from the graph unchecked, and still returns only what exists, k of them", async () => {
    const vector = unitVector(random);
    const ghost = await recordEpisode(db, { ...scope, text: "A memory the index has not let go of", speaker: "Alice" });
    await storeEmbeddings(db, model, [{ memoryId: ghost.id, vector }]);
    const [row] = await db.query<{ seq: string }>("SELECT seq FROM memories WHERE id = $1", [ghost.id]);
    index.embedded(model, [{ companionId: scope.companionId, seq: Number(row!.seq), vector }]);
    await index.ready(model, scope.companionId);
    const statements: string[] = [];
    const recording: Queryable = { query: (sql, params) => (statements.push(sql), db.query(sql, params)), exec: (sql) => db.exec(sql) };
    const owner = { ...scope, speakerIsOwner: true, k: K, embeddings: embedder(vector, index) };
    expect((await recall(recording, "zebra", owner))[0]!.id).toBe(ghost.id);
    // No statement checks the vector side: the word look-up, then the winners' rows.
    expect(statements).toHaveLength(2);
    // Forgotten behind the index's back: its place goes to the next one.
    await db.query("DELETE FROM memories WHERE id = $1", [ghost.id]);
    statements.length = 0;
    const found = await recall(recording, "zebra", owner);
    expect(found).toHaveLength(K);
    expect(found.map((m) => m.id)).not.toContain(ghost.id);
    expect(statements).toHaveLength(3);
  });

  it("falls back to full text, with its rows and scores, when the model cannot embed the question", async () => {
    const unembedded: QueryEmbedder = { embedQuery: async () => null, vectorIndex: index };
    for (const who of speakers()) {
      const found = await recall(db, "kitten and the garden", { ...scope, ...who, k: K, embeddings: unembedded });
      expect(found).toHaveLength(K);
      expect(comparable(found)).toEqual(comparable(await recall(db, "kitten and the garden", { ...scope, ...who, k: K })));
    }
  });
});
