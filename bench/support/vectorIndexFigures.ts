import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import usearch from "usearch";
import type { EmbeddingModelRef } from "../../server/memory/embeddings";
import { createMemoryVectorIndex, indexPaths, vectorsAfter } from "../../server/memory/vectorIndex";
import type { Database } from "../../server/storage";

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const rssMb = () => Math.round(process.memoryUsage().rss / 1e5) / 10;

/**
 * Opens the companion's native vector index as a server would. When its files are missing (or
 * `rebuild`), that is a build from the stored vectors, timed; then it is opened again from the
 * files it wrote, timed: the cost of every later start.
 */
export async function openVectorIndex(db: Database, dir: string, model: EmbeddingModelRef, companionId: string, rebuild: boolean) {
  // Build progress on stderr: stdout carries only the figures.
  const logger = pino({ level: "info" }, pino.destination(2));
  if (rebuild) rmSync(indexPaths(dir, { modelId: model.id, dimensions: model.dimensions, companionId }).meta, { force: true });
  const rssBefore = rssMb();
  let started = performance.now();
  const first = createMemoryVectorIndex({ db, dir, logger });
  if (!(await first.ready(model, companionId))) throw new Error("the vector index could not be opened (see the log)");
  const firstSeconds = seconds(started);
  await first.close();
  started = performance.now();
  const index = createMemoryVectorIndex({ db, dir, logger });
  if (!(await index.ready(model, companionId))) throw new Error("the vector index could not be loaded again (see the log)");
  return { index, figures: { firstOpenSeconds: firstSeconds, loadSeconds: seconds(started), rssMbBefore: rssBefore, rssMbAfter: rssMb() } };
}

/** Every stored vector of the companion with its memory's id and visibility: the exact answer's input. */
export async function readAllVectors(db: Database, model: EmbeddingModelRef, companionId: string) {
  const identity = { modelId: model.id, dimensions: model.dimensions, companionId };
  const seqs: number[] = [];
  const chunks: Float32Array[] = [];
  for (let after = 0; ; ) {
    const batch = await vectorsAfter(db, identity, after, 5000);
    if (batch.seqs.length === 0) break;
    seqs.push(...batch.seqs);
    chunks.push(batch.vectors);
    after = batch.seqs.at(-1)!;
  }
  const vectors = new Float32Array(seqs.length * model.dimensions);
  chunks.reduce((at, chunk) => (vectors.set(chunk, at), at + chunk.length), 0);
  const rows = await db.query<{ seq: string | number; id: string; visibility: string }>("SELECT seq, id, visibility FROM memories WHERE companion_id = $1", [companionId]);
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
  const ids = seqs.map((seq) => bySeq.get(seq)!.id);
  const shared = seqs.map((seq) => bySeq.get(seq)!.visibility === "shared");
  return { dimensions: model.dimensions, ids, vectors, shared };
}

type AllVectors = Awaited<ReturnType<typeof readAllVectors>>;

/** Exact top-k search by cosine distance (brute force), among every memory or only the shared ones. */
export function exactNearest(all: AllVectors, sharedOnly: boolean): (query: readonly number[], k: number) => string[] {
  const d = all.dimensions;
  const positions = all.ids.map((_, i) => i).filter((i) => !sharedOnly || all.shared[i]);
  const subset = new Float32Array(positions.length * d);
  positions.forEach((p, i) => subset.set(all.vectors.subarray(p * d, (p + 1) * d), i * d));
  return (query, k) => {
    const found = usearch.exactSearch(subset, Float32Array.from(query), d, Math.min(k, positions.length), usearch.MetricKind.Cos) as { keys: BigUint64Array };
    return Array.from(found.keys, (key) => all.ids[positions[Number(key)]!]!);
  };
}

/** The share of the exact top 10 that `search` also returns in its top 10. */
export async function agreement(queries: number[][], exact: (q: number[], k: number) => string[], search: (q: number[]) => Promise<Array<{ id: string }>>) {
  let same = 0;
  let total = 0;
  for (const query of queries) {
    const truth = new Set(exact(query, 10));
    same += (await search(query)).slice(0, 10).filter((m) => truth.has(m.id)).length;
    total += truth.size;
  }
  return total > 0 ? Math.round((same / total) * 1000) / 1000 : null;
}
