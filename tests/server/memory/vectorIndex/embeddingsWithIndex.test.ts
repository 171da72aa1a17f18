import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateTokens } from "../../../../server/companion";
import { createLogger } from "../../../../server/logging";
import { createCompanionMemory, createMemoryEmbeddings, createOwnerLedger, recall, recordEpisode } from "../../../../server/memory";
import type { EmbeddingModelRef } from "../../../../server/memory/embeddings";
import { indexPaths } from "../../../../server/memory/vectorIndex";
import type { Database } from "../../../../server/storage";
import { writeTinyBertModel } from "../../../support/tinyBertModel";
import { makeTempDir } from "../../support/tempDir";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";
import { capturingLogger, recordingDatabase } from "./vectorIndexFixtures";

const temp = makeTempDir("kindred-embeddings-index-");
const modelDir = writeTinyBertModel(path.join(temp.path, "tiny"));
const indexDir = path.join(temp.path, "vector-index");
let db: Database;

beforeAll(async () => {
  db = await openMemoryDatabase();
});
afterAll(async () => {
  await db.close();
  temp.remove();
});

describe("memory embeddings with the native vector index", () => {
  it("indexes what the embedding queue stores, recalls through the index, and writes it on close", async () => {
    const scope = await addOwner(db);
    const embeddings = createMemoryEmbeddings({ db, model: modelDir, dataDir: temp.path, logger: capturingLogger().logger, vectorIndexDir: indexDir });
    let modelRef: EmbeddingModelRef | undefined;
    const seqOf = async (id: string) => Number((await db.query<{ seq: string }>("SELECT seq FROM memories WHERE id = $1", [id]))[0]!.seq);
    try {
      for (const text of ["We walked to the harbour", "I bought a new lamp for the office"]) await recordEpisode(db, { ...scope, text, speaker: "Alice" });
      await embeddings.notify();
      const { ref } = (await embeddings.load())!;
      modelRef = ref;
      expect(await embeddings.vectorIndex!.ready(ref, scope.companionId)).toBe(true);

      const { id } = await recordEpisode(db, { ...scope, text: "My kitten Miso sleeps all day", speaker: "Alice" });
      await embeddings.notify();
      await embeddings.vectorIndex!.ready(ref, scope.companionId);
      expect(embeddings.vectorIndex!.opened(ref, scope.companionId)!.has(await seqOf(id))).toBe(true);

      const recorded = recordingDatabase(db);
      const found = await recall(recorded.db, "My kitten Miso sleeps all day", { ...scope, speakerIsOwner: true, k: 3, embeddings });
      expect(found.map((m) => m.id)).toContain(id);
      expect(recorded.statements.some((sql) => sql.includes("memory_nearest"))).toBe(false);
    } finally {
      await embeddings.close();
    }
    // The memory indexed since the build is written on close: the next start loads it as it is.
    const files = indexPaths(indexDir, { modelId: modelRef!.id, dimensions: modelRef!.dimensions, companionId: scope.companionId });
    expect(existsSync(files.graph) && existsSync(files.keys) && existsSync(files.meta)).toBe(true);
  });

  it("takes a memory the owner deleted out of the companion's index", async () => {
    const scope = await addOwner(db);
    const embeddings = createMemoryEmbeddings({ db, model: modelDir, dataDir: temp.path, logger: capturingLogger().logger, vectorIndexDir: indexDir });
    const memory = createCompanionMemory({ db, log: createLogger("silent"), model: undefined, useModel: false, reflectEveryLines: 50, recallBudgetTokens: 600, estimateTokens, embeddings });
    const ledger = createOwnerLedger({ db, forgetting: memory.forgetting });
    const seqOf = async (id: string) => Number((await db.query<{ seq: string }>("SELECT seq FROM memories WHERE id = $1", [id]))[0]!.seq);
    try {
      const kept = await recordEpisode(db, { ...scope, text: "We walked to the harbour", speaker: "Alice" });
      const deleted = await recordEpisode(db, { ...scope, text: "My code word is Zephyrine", speaker: "Alice" });
      await embeddings.notify();
      const { ref } = (await embeddings.load())!;
      await embeddings.vectorIndex!.ready(ref, scope.companionId);
      const [keptSeq, deletedSeq] = [await seqOf(kept.id), await seqOf(deleted.id)];
      expect(embeddings.vectorIndex!.opened(ref, scope.companionId)!.has(deletedSeq)).toBe(true);

      await ledger.deleteMemory(scope, deleted.id);
      await embeddings.vectorIndex!.ready(ref, scope.companionId);
      const index = embeddings.vectorIndex!.opened(ref, scope.companionId)!;
      expect(index.has(deletedSeq)).toBe(false);
      expect(index.has(keptSeq)).toBe(true);
    } finally {
      await memory.close();
      await embeddings.close();
    }
  });
});
