import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMemoryEmbeddings, recall, recordEpisode } from "../../../../server/memory";
import { startEmbeddingQueue } from "../../../../server/memory/embeddings/embeddingQueue";
import { loadEmbedder, registerEmbeddingModel, type Embedder } from "../../../../server/memory/embeddings";
import { migrate, MIGRATIONS, type Database } from "../../../../server/storage";
import { writeTinyBertModel } from "../../../support/tinyBertModel";
import { openTestDatabase } from "../../support/database";
import { makeTempDir } from "../../support/tempDir";

const temp = makeTempDir("kindred-memory-embeddings-");
const modelDir = writeTinyBertModel(path.join(temp.path, "tiny"));
let db: Database;

/** A pino logger whose lines a test can read. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

async function newScope() {
  const ownerId = randomUUID();
  const companionId = randomUUID();
  await db.query("INSERT INTO users (id, name) VALUES ($1, 'Alice')", [ownerId]);
  await db.query("INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, 'Kin', '{}', 1)", [companionId, ownerId]);
  return { ownerId, companionId };
}

const embeddedCount = async (companionId: string) =>
  Number((await db.query<{ n: number }>("SELECT count(*) AS n FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id WHERE m.companion_id = $1", [companionId]))[0]!.n);

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
});
afterAll(async () => {
  await db.close();
  temp.remove();
});

describe("memory embeddings with a model directory", () => {
  it("embeds stored memories in the background, and recall then finds a memory by meaning", async () => {
    const scope = await newScope();
    const { logger } = capturingLogger();
    const embeddings = createMemoryEmbeddings({ db, model: modelDir, dataDir: temp.path, logger });
    try {
      for (const text of ["My kitten Miso sleeps all day", "We walked to the harbour", "I bought a new lamp for the office"]) {
        await recordEpisode(db, { ...scope, text, speaker: "Alice" });
      }
      // Storing a memory embeds nothing: that is the queue's job, off the write path.
      expect(await embeddedCount(scope.companionId)).toBe(0);
      await embeddings.notify();
      expect(embeddings.state).toBe("ready");
      expect(await embeddedCount(scope.companionId)).toBe(3);

      const question = "tell me about the feline";
      const fullTextOnly = await recall(db, question, { ...scope, speakerIsOwner: true, k: 3 });
      expect(fullTextOnly.map((m) => m.text)).not.toContain("My kitten Miso sleeps all day");
      const hybrid = await recall(db, question, { ...scope, speakerIsOwner: true, k: 3, embeddings });
      expect(hybrid[0]!.text).toBe("My kitten Miso sleeps all day");
    } finally {
      await embeddings.close();
    }
  });

  it("never makes recall wait for the model: until it is ready, recall runs on full-text", async () => {
    const scope = await newScope();
    await recordEpisode(db, { ...scope, text: "The violin lesson went well" });
    const embeddings = createMemoryEmbeddings({ db, model: modelDir, dataDir: temp.path, logger: capturingLogger().logger });
    try {
      expect(embeddings.state).toBe("idle");
      expect(embeddings.available).toBe(false);
      const found = await recall(db, "violin lesson", { ...scope, speakerIsOwner: true, k: 5, embeddings });
      expect(found.map((m) => m.text)).toEqual(["The violin lesson went well"]);
      expect(embeddings.state).toBe("loading");
      expect(await embeddings.load()).not.toBeNull();
      expect(embeddings.available).toBe(true);
      expect(await embeddings.embedQuery("violin")).toMatchObject({ vector: expect.any(Array) });
    } finally {
      await embeddings.close();
    }
  });

  it("with `none`, says once that recall is full-text only and embeds nothing", async () => {
    const scope = await newScope();
    await recordEpisode(db, { ...scope, text: "Nothing to embed here" });
    const { logger, lines } = capturingLogger();
    const embeddings = createMemoryEmbeddings({ db, model: "none", dataDir: temp.path, logger });
    await embeddings.notify();
    expect(await embeddings.embedQuery("anything")).toBeNull();
    expect(embeddings.state).toBe("off");
    expect(await embeddedCount(scope.companionId)).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual(["memory embeddings are off (KINDRED_EMBEDDING_MODEL=none): recall uses full-text search only"]);
    await embeddings.close();
  });

  it("with a model that cannot load, warns once and recall keeps working on full-text", async () => {
    const scope = await newScope();
    await recordEpisode(db, { ...scope, text: "The ocean was calm this morning" });
    const broken = path.join(temp.path, "broken-model");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "config.json"), "{}");
    const { logger, lines } = capturingLogger();
    const embeddings = createMemoryEmbeddings({ db, model: broken, dataDir: temp.path, logger });
    await embeddings.notify();
    await embeddings.notify();
    expect(embeddings.state).toBe("unavailable");
    const warnings = lines.filter((l) => l.level === 40).map((l) => l.msg);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/broken-model unavailable .*full-text search only/);
    const found = await recall(db, "ocean calm", { ...scope, speakerIsOwner: true, k: 5, embeddings });
    expect(found.map((m) => m.text)).toEqual(["The ocean was calm this morning"]);
    await embeddings.close();
  });
});

describe("the embedding queue", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadEmbedder({ model: modelDir, cacheDir: temp.path });
  });
  afterAll(() => embedder.close());

  it("leaves memories unembedded when embedding fails, and embeds them on a later try", async () => {
    const scope = await newScope();
    for (const text of ["first memory", "second memory"]) await recordEpisode(db, { ...scope, text });
    const ref = await registerEmbeddingModel(db, modelDir, embedder.dimensions);
    let calls = 0;
    const flaky: Embedder = {
      ...embedder,
      embed: (texts) => (++calls === 1 ? Promise.reject(new Error("inference crashed")) : embedder.embed(texts)),
    };
    const { logger, lines } = capturingLogger();
    const queue = startEmbeddingQueue({ db, model: async () => ({ embedder: flaky, ref }), logger, retryDelaysMs: [20] });
    try {
      await queue.notify();
      expect(await embeddedCount(scope.companionId)).toBe(0);
      expect(lines.some((l) => l.level === 40 && /stay unembedded/.test(l.msg))).toBe(true);
      await vi.waitFor(async () => expect(await embeddedCount(scope.companionId)).toBe(2), { timeout: 5000, interval: 20 });
    } finally {
      await queue.stop();
    }
  });
});
