import { readFileSync, writeFileSync } from "node:fs";
import { ExactVectors, type ExactRanking } from "./exactVectors";
import { createHnsw, type Hnsw } from "./hnswSettings";
import type { GraphFiles } from "./indexFiles";

/**
 * A companion's HNSW graph (8-bit vectors: it only proposes candidates) with the exact vectors it
 * was given (they rank the candidates), changed together, saved and loaded together. Lives on a
 * worker thread: usearch's calls are synchronous and cost milliseconds.
 */
export class GraphWithVectors {
  private constructor(
    private readonly hnsw: Hnsw,
    private readonly exact: ExactVectors,
  ) {}

  static create(dimensions: number): GraphWithVectors {
    return new GraphWithVectors(createHnsw(dimensions), new ExactVectors(dimensions));
  }

  /** Throws when the files do not hold the same memories (their checksums were checked before). */
  static load(files: GraphFiles, dimensions: number): GraphWithVectors {
    const hnsw = createHnsw(dimensions);
    hnsw.load(files.graph);
    const exact = ExactVectors.fromBytes(readFileSync(files.vectors), dimensions);
    const seqs = BigUint64Array.from(exact.seqs(), BigInt);
    const contained = seqs.length === 0 ? [] : (hnsw.contains(seqs) as boolean[]);
    if (hnsw.size() !== exact.size || contained.includes(false)) throw new Error(`the graph holds ${hnsw.size()} memories, the vectors file ${exact.size}, not all the same`);
    return new GraphWithVectors(hnsw, exact);
  }

  get size(): number {
    return this.hnsw.size();
  }

  get dimensions(): number {
    return this.hnsw.dimensions();
  }

  /** `vectors` holds one vector per key, one after another. */
  add(keys: readonly number[], vectors: Float32Array): void {
    this.hnsw.add(BigUint64Array.from(keys, BigInt), vectors, 1);
    this.exact.put(keys, vectors);
  }

  remove(keys: readonly number[]): void {
    this.hnsw.remove(BigUint64Array.from(keys, BigInt));
    this.exact.remove(keys);
  }

  /** The `count` memories the graph finds nearest, ranked by their exact distances. */
  search(query: Float32Array, count: number): ExactRanking {
    const found = this.hnsw.search(query, count, 1);
    return this.exact.rank(query, Array.from(found.keys, Number));
  }

  save(files: GraphFiles): void {
    this.hnsw.save(files.graph);
    writeFileSync(files.vectors, this.exact.toBytes());
  }
}
