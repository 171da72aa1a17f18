/**
 * `npm run bench -- memory-scale [--sizes 10000,100000] [--queries 300] [--warm-up 1500] [--cache <dir>] [--rebuild] [--rebuild-index]`
 *
 * Recall latency for one companion with many memories, on the embedded database (PGlite +
 * pgvector). Memories are new sentences from a bigram chain over LoCoMo's turns (a real
 * conversational vocabulary); each has a random 384-d vector (the size of the default model),
 * stored as the embedding queue stores them; the HNSW index is built once they are all in.
 * Queries are LoCoMo's questions: full-text recall, and hybrid recall (full-text + vectors,
 * fused) with a random query vector, both through `recall`, and how many of full-text recall's
 * top 10 ranking every memory holding a question word would also return (it ranks at most
 * MAX_REACH memories in each of its two passes). Model inference is not included:
 * no model can be downloaded here. Built databases are cached (the 100k one takes minutes); a
 * cached one is brought up to the newest schema by the migrations, as a server's would be.
 *
 * The vector side is measured as the server runs it on embedded storage, through the companion's
 * native HNSW index (server/memory/vectorIndex), and through the database's own search for
 * comparison; each against the exact top 10 (brute force over every stored vector). The index
 * files are kept beside the cached database (`vector-index-<size>`): the first run builds them
 * from the stored vectors (timed), every run loads them (timed).
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { recall, vectorCandidates, type MemoryScope, type QueryEmbedder, type QueryEmbedding } from "../server/memory";
import { fullTextRecall } from "../server/memory/recall/fullTextRecall";
import { registerEmbeddingModel, type EmbeddingModelRef } from "../server/memory/embeddings";
import { storeEmbeddings } from "../server/memory/embeddings/embeddingStore";
import { nearestMemoriesSql } from "../server/memory/vectorCandidates";
import { migrate, MIGRATIONS, openPglite, type Database } from "../server/storage";
import { readLocomoText } from "./support/locomoText";
import { percentile } from "./support/processStats";
import { seededRandom } from "../client/world/seededRandom";
import { createSentenceGenerator, randomUnitVector } from "./support/syntheticMemories";
import { agreement, exactNearest, openVectorIndex, readAllVectors } from "./support/vectorIndexFigures";
import type { MemoryVectorIndex } from "../server/memory/vectorIndex";

const DIMENSIONS = 384;
const BATCH = 1000;
// A running server has also compiled its hot code: V8 compiles PGlite's WebAssembly (and the
// server's JavaScript) to optimized code in the background as it gets hot, and in a fresh process
// one statement in twenty took several milliseconds more until a few thousand had run (300
// recalls were not enough: p95 of the word look-up alone 1.9 ms, 0.35 ms after 6,000 look-ups).
const WARM_UP_RECALLS = "1500";
// Bump when what a cached database holds changes: older caches are then rebuilt.
const CACHE_FORMAT = 1;

interface BuiltDatabase {
  format: number;
  size: number;
  ownerId: string;
  companionId: string;
  model: EmbeddingModelRef;
  buildSeconds: number;
}

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "10000,100000" },
      queries: { type: "string", default: "300" },
      "warm-up": { type: "string", default: WARM_UP_RECALLS },
      cache: { type: "string", default: path.join(tmpdir(), "kindred-memory-scale") },
      rebuild: { type: "boolean", default: false },
      "rebuild-index": { type: "boolean", default: false },
      zip: { type: "string", default: "../shared/data/locomo10.zip" },
    },
  });
  const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error(`--sizes must be whole numbers of at least 100, got "${values.sizes}"`);
  const queryCount = Number(values.queries);
  if (!Number.isInteger(queryCount) || queryCount < 10) throw new Error(`--queries must be a whole number of at least 10, got "${values.queries}"`);
  const warmUp = Number(values["warm-up"]);
  if (!Number.isInteger(warmUp) || warmUp < 0) throw new Error(`--warm-up must be a whole number, got "${values["warm-up"]}"`);

  const { turns, questions } = readLocomoText(values.zip);
  const results = [];
  for (const size of sizes) {
    const dir = path.join(path.resolve(values.cache), `memories-${size}`);
    const indexDir = path.join(path.resolve(values.cache), `vector-index-${size}`);
    if (values.rebuild) for (const stale of [dir, indexDir]) rmSync(stale, { recursive: true, force: true });
    const db = await openPglite({ dataDir: dir });
    try {
      await migrate(db, MIGRATIONS);
      const cached = readBuilt(dir, size);
      const built = cached ?? (await build(db, dir, size, turns));
      // A server's memories table is vacuumed again and again (each new memory rewrites the one
      // before it, see server/storage/pgliteVacuum.ts), which marks its pages all-visible, so index
      // probes need not read them; a table filled in bulk never was.
      await db.exec("VACUUM memories");
      const { index, figures } = await openVectorIndex(db, indexDir, built.model, built.companionId, values["rebuild-index"]);
      try {
        results.push({ memories: size, cached: cached !== null, vectorIndex: figures, ...(await measure(db, built, index, questions, queryCount, warmUp)) });
      } finally {
        await index.close();
      }
    } finally {
      await db.close();
    }
  }
  return { dimensions: DIMENSIONS, queries: queryCount, warmUpRecalls: warmUp, k: 10, results, goalsMs: { "10000": 10, "100000": 30 }, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) };
}

function readBuilt(dir: string, size: number): BuiltDatabase | null {
  const file = path.join(dir, "kindred-bench.json");
  if (!existsSync(file)) return null;
  const built = JSON.parse(readFileSync(file, "utf8")) as BuiltDatabase;
  return built.format === CACHE_FORMAT && built.size === size ? built : null;
}

/** Fills a fresh database with `size` memories and their vectors, showing progress on stderr. */
async function build(db: Database, dir: string, size: number, corpus: string[]): Promise<BuiltDatabase> {
  const existing = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM memories");
  if (existing[0]!.n > 0) throw new Error(`${dir} holds an unfinished build: run again with --rebuild`);
  const started = performance.now();
  const random = seededRandom(size);
  const sentence = createSentenceGenerator(corpus, random);
  const ownerId = randomUUID();
  const companionId = randomUUID();
  await db.query("INSERT INTO users (id, name) VALUES ($1, 'Sam')", [ownerId]);
  await db.query("INSERT INTO companions (id, owner_id, name, persona, version) VALUES ($1, $2, 'Wren', '{}', 1)", [companionId, ownerId]);
  const model = await registerEmbeddingModel(db, `bench/random-${DIMENSIONS}`, DIMENSIONS);
  // The server's index grows with every memory; here it is built once at the end, the same
  // index in a fraction of the time (inserting one by one costs about ten times more CPU).
  await db.exec(`DROP INDEX memory_embeddings_hnsw_${model.id}`);
  const threeYearsMs = 3 * 365 * 24 * 3600 * 1000;
  const firstAt = Date.now() - threeYearsMs;
  let previous = "";
  let next = sentence();
  for (let done = 0; done < size; done += BATCH) {
    const count = Math.min(BATCH, size - done);
    const rows = Array.from({ length: count }, (_, i) => {
      const text = next;
      next = sentence();
      const row = { id: randomUUID(), text, before: previous, after: next, at: new Date(firstAt + ((done + i) / size) * threeYearsMs) };
      previous = text;
      return { ...row, speaker: (done + i) % 2 === 0 ? "Sam" : "Wren", shared: random() < 0.2, importance: Math.round(random() * 100) / 100 };
    });
    await db.query(
      `INSERT INTO memories (id, owner_id, companion_id, kind, visibility, text, speaker, happened_at, importance, before_text, after_text)
       SELECT t.id, $1, $2, 'episode', CASE WHEN t.shared THEN 'shared' ELSE 'private' END, t.text, t.speaker, t.at, t.importance, t.before, t.after
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::real[], $8::text[], $9::text[], $10::boolean[])
         AS t(id, text, speaker, at, importance, before, after, shared)`,
      [ownerId, companionId, rows.map((r) => r.id), rows.map((r) => r.text), rows.map((r) => r.speaker), rows.map((r) => r.at.toISOString()),
        rows.map((r) => r.importance), rows.map((r) => r.before), rows.map((r) => r.after), rows.map((r) => r.shared)],
    );
    await storeEmbeddings(db, model, rows.map((r) => ({ memoryId: r.id, vector: randomUnitVector(DIMENSIONS, random) })));
    const elapsed = (performance.now() - started) / 1000;
    const fraction = (done + count) / size;
    process.stderr.write(`\rmemory-scale ${size}: ${done + count}/${size} memories stored, ${elapsed.toFixed(0)} s, ~${(elapsed / fraction - elapsed).toFixed(0)} s left`);
  }
  process.stderr.write(`\nmemory-scale ${size}: building the HNSW index (at 100k, several minutes with no further output)\n`);
  const indexStarted = performance.now();
  await registerEmbeddingModel(db, `bench/random-${DIMENSIONS}`, DIMENSIONS);
  process.stderr.write(`memory-scale ${size}: index built in ${((performance.now() - indexStarted) / 1000).toFixed(0)} s\n`);
  await db.exec("ANALYZE");
  const built: BuiltDatabase = { format: CACHE_FORMAT, size, ownerId, companionId, model, buildSeconds: Math.round((performance.now() - started) / 100) / 10 };
  writeFileSync(path.join(dir, "kindred-bench.json"), JSON.stringify(built));
  return built;
}

async function measure(db: Database, built: BuiltDatabase, vectorIndex: MemoryVectorIndex, questions: string[], count: number, warmUp: number) {
  const random = seededRandom(7);
  const scope = { ownerId: built.ownerId, companionId: built.companionId, k: 10 };
  const embedQuery = async (): Promise<QueryEmbedding> => ({ model: built.model, vector: randomUnitVector(DIMENSIONS, random) });
  const randomQuery = { embedQuery, vectorIndex } satisfies QueryEmbedder;
  const withoutIndex = { embedQuery } satisfies QueryEmbedder;
  // A running server has read its pages before: every measured recall comes after `warmUp`
  // recalls of other questions (the even-numbered ones), so the figures are a warm server's, not
  // the first minutes after the database opens, and no measured question was asked to warm it.
  const measured = questions.filter((_, i) => i % 2 === 1);
  const warming = questions.filter((_, i) => i % 2 === 0);
  const pickQuestion = () => measured[Math.floor(random() * measured.length)]!;
  process.stderr.write(`memory-scale ${built.size}: warming up with ${warmUp} recalls of other questions, as the owner and as someone else\n`);
  for (let i = 0; i < warmUp; i++) {
    const question = warming[i % warming.length]!;
    await recall(db, question, { ...scope, speakerIsOwner: true, embeddings: randomQuery });
    await recall(db, question, { ...scope, speakerIsOwner: false, speakerId: randomUUID(), embeddings: randomQuery });
  }
  // Wall time, and this process's CPU time: on a shared machine the wall time also counts the
  // waits for a core. The vector graph is searched on a thread of its own while the database works
  // on this one, so the process's CPU time counts both; `mainThreadCpuMean` is this thread's alone
  // (Linux; the kernel counts it in scheduler ticks, so only a mean over many recalls is meaningful):
  // on a quiet machine with a core for each thread, a recall takes about that.
  const time = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await run(); // this kind of recall's own statements and plans
    const wall: number[] = [];
    const cpu: number[] = [];
    const mainBefore = mainThreadCpuMs();
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await run();
      const used = process.cpuUsage(cpuBefore);
      wall.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    const mainAfter = mainThreadCpuMs();
    const mainThreadCpuMean = mainBefore === null || mainAfter === null ? null : Math.round(((mainAfter - mainBefore) / count) * 100) / 100;
    return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95), mainThreadCpuMean };
  };
  process.stderr.write(`memory-scale ${built.size}: ${count} queries each: full-text; vector only, hybrid as owner and as someone else, through the index and without\n`);
  const vectorOnly = (embeddings: QueryEmbedder, speakerIsOwner: boolean) => async () =>
    vectorCandidates(db, (await embeddings.embedQuery("")) as QueryEmbedding, { ...scope, speakerIsOwner, limit: 50, index: embeddings.vectorIndex });
  const hybrid = (embeddings: QueryEmbedder, speakerIsOwner: boolean) => () =>
    recall(db, pickQuestion(), { ...scope, speakerIsOwner, speakerId: speakerIsOwner ? undefined : randomUUID(), embeddings });
  const fullTextMs = await time(() => recall(db, pickQuestion(), { ...scope, speakerIsOwner: true }));
  const hybridMs = await time(hybrid(randomQuery, true));
  const vectorOnlyMs = await time(vectorOnly(randomQuery, true));
  const hybridNotOwnerMs = await time(hybrid(randomQuery, false));
  const withoutIndexMs = {
    vectorOnly: await time(vectorOnly(withoutIndex, true)),
    vectorOnlyNotOwner: await time(vectorOnly(withoutIndex, false)),
    hybrid: await time(hybrid(withoutIndex, true)),
    hybridNotOwner: await time(hybrid(withoutIndex, false)),
  };
  return {
    buildSeconds: built.buildSeconds,
    fullTextMs,
    fullTextTop10SameAsExact: await agreementWithExact(db, { ...scope, speakerIsOwner: true }, questions.slice(0, AGREEMENT_QUESTIONS)),
    vectorOnlyMs,
    vectorOnlyNotOwnerMs: await time(vectorOnly(randomQuery, false)),
    hybridMs,
    hybridNotOwnerMs,
    withoutIndexMs,
    vectorTop10SameAsExact: await vectorAgreement(db, built, vectorIndex),
    plans: await plans(db, built),
    rssMb: Math.round(process.memoryUsage().rss / 1e5) / 10,
  };
}

/**
 * The share of the exact top 10 (cosine, every stored vector) that vector search returns in its
 * top 10, through the index and through the database, for the owner and for someone who may see
 * only the shared memories.
 */
async function vectorAgreement(db: Database, built: BuiltDatabase, vectorIndex: MemoryVectorIndex) {
  const all = await readAllVectors(db, built.model, built.companionId);
  const random = seededRandom(11);
  const queries = Array.from({ length: AGREEMENT_QUESTIONS }, () => randomUnitVector(DIMENSIONS, random));
  const search = (speakerIsOwner: boolean, index: MemoryVectorIndex | undefined) => (vector: number[]) =>
    vectorCandidates(db, { model: built.model, vector }, { ownerId: built.ownerId, companionId: built.companionId, speakerIsOwner, speakerId: randomUUID(), limit: 10, index });
  const everything = exactNearest(all, false);
  const sharedOnly = exactNearest(all, true);
  return {
    index: await agreement(queries, everything, search(true, vectorIndex)),
    database: await agreement(queries, everything, search(true, undefined)),
    indexNotOwner: await agreement(queries, sharedOnly, search(false, vectorIndex)),
    databaseNotOwner: await agreement(queries, sharedOnly, search(false, undefined)),
  };
}

/** CPU time this (the main) thread has run, in ms; null where the system does not say (not Linux). */
function mainThreadCpuMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

/** Ranking every memory that holds a question word is slow at 100k (about 0.5 s a question): a sample. */
const AGREEMENT_QUESTIONS = 50;

/**
 * Full-text recall ranks the memories holding the question's rarest words, then those holding
 * enough common words to still rank (MAX_REACH of them at most in each pass): the share of its top
 * 10 that ranking every memory holding any question word also puts in its top 10.
 */
async function agreementWithExact(db: Database, scope: MemoryScope, questions: string[]) {
  let same = 0;
  let total = 0;
  for (const question of questions) {
    const exact = new Set((await fullTextRecall(db, question, scope, 10, Number.MAX_SAFE_INTEGER)).map((m) => m.id));
    const bounded = await fullTextRecall(db, question, scope, 10);
    same += bounded.filter((m) => exact.has(m.id)).length;
    total += exact.size;
  }
  return total > 0 ? Math.round((same / total) * 1000) / 1000 : null;
}

/** Which indexes the planner picks: the vector query must use the model's HNSW index, full-text the GIN index. */
async function plans(db: Database, built: BuiltDatabase) {
  const explain = async (sql: string, params: unknown[]) =>
    (await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params)).map((r) => r["QUERY PLAN"]).join("\n");
  const vector = `[${randomUnitVector(DIMENSIONS, seededRandom(1)).join(",")}]`;
  const nearest = await nearestMemoriesSql(db, built.model);
  const asOwner = await explain(nearest, [vector, built.companionId, built.ownerId, true, null, 50]);
  const notOwner = await explain(nearest, [vector, built.companionId, built.ownerId, false, randomUUID(), 50]);
  const fullText = await explain(
    "SELECT m.id FROM memories m WHERE m.companion_id = $1 AND m.owner_id = $2 AND m.search @@ to_tsquery('english', $3)",
    [built.companionId, built.ownerId, "guitar | paint"],
  );
  const index = `memory_embeddings_hnsw_${built.model.id}`;
  return { vectorAsOwnerUsesHnsw: asOwner.includes(index), vectorNotOwnerUsesHnsw: notOwner.includes(index), fullTextUsesGin: fullText.includes("memories_search") };
}
