import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import usearch, { MetricKind, ScalarKind } from "usearch";

/**
 * How each companion's HNSW graph is built and searched (usearch). Measured on random 384-d unit
 * vectors (the worst case: no clusters, near-ties everywhere), 10k of them: connectivity 32
 * found 0.96 of the exact top 10 within its top 50 where 16 found 0.84; search expansion 256
 * where 64 found 0.64. The graph's vectors are 8-bit integers (a quarter of float32's memory, and
 * searched faster): the candidates are ranked by the exact float vectors kept beside the graph
 * (see ExactVectors), so quantization only decides which candidates are read, not their order.
 */
export const HNSW_SETTINGS = {
  metric: MetricKind.Cos,
  quantization: ScalarKind.I8,
  connectivity: 32,
  expansion_add: 128,
  expansion_search: 256,
  // One vector per key: a memory embedded again replaces its vector.
  multi: false,
} as const;

/** Written into every saved index: a file from another usearch version is rebuilt, never loaded. */
export const USEARCH_VERSION = (() => {
  // The package exports no package.json; its entry sits three folders below it.
  const entry = createRequire(import.meta.url).resolve("usearch");
  const manifest = path.join(path.dirname(entry), "..", "..", "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
})();

export type Hnsw = InstanceType<typeof usearch.Index>;

export function createHnsw(dimensions: number): Hnsw {
  return new usearch.Index({ dimensions, ...HNSW_SETTINGS });
}
