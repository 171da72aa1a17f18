import type { Hnsw } from "./hnswSettings";
import { saveIndexFiles, type IndexIdentity } from "./indexFiles";

export interface IndexMatches {
  /** memories.seq of each match, nearest first. */
  seqs: number[];
  /** Cosine distances as the quantized graph estimates them (recall recomputes them). */
  distances: Float32Array;
}

/**
 * One companion's memories under one model, in an HNSW graph keyed by memories.seq, with the set
 * of keys it holds (usearch cannot list them, and keeping the graph in step with the database
 * needs to). Its changes since the last save are counted, so only changed indexes are written.
 */
export class CompanionIndex {
  private readonly keys: Set<number>;
  private unsaved = 0;

  constructor(
    readonly identity: IndexIdentity,
    private readonly hnsw: Hnsw,
    keys: Iterable<bigint>,
  ) {
    this.keys = new Set(Array.from(keys, Number));
  }

  get size(): number {
    return this.keys.size;
  }

  get changedSinceSave(): boolean {
    return this.unsaved > 0;
  }

  has(seq: number): boolean {
    return this.keys.has(seq);
  }

  heldSeqs(): number[] {
    return [...this.keys];
  }

  /** Adds a memory's vector, or replaces it when the memory was embedded again (its text was edited). */
  put(seq: number, vector: Float32Array): void {
    if (vector.length !== this.identity.dimensions) throw new Error(`expected a ${this.identity.dimensions}-d vector, got ${vector.length}-d`);
    if (this.keys.has(seq)) this.hnsw.remove(BigInt(seq));
    this.hnsw.add(BigInt(seq), vector, 1);
    this.keys.add(seq);
    this.unsaved++;
  }

  remove(seq: number): void {
    if (!this.keys.delete(seq)) return;
    this.hnsw.remove(BigInt(seq));
    this.unsaved++;
  }

  search(vector: Float32Array, count: number): IndexMatches {
    if (this.keys.size === 0) return { seqs: [], distances: new Float32Array(0) };
    const found = this.hnsw.search(vector, Math.min(count, this.keys.size), 1);
    return { seqs: Array.from(found.keys, Number), distances: found.distances };
  }

  async save(dir: string): Promise<void> {
    const changes = this.unsaved;
    await saveIndexFiles(dir, this.identity, this.hnsw, BigUint64Array.from(this.keys, BigInt));
    // Changes made while the files were written stay counted for the next save.
    this.unsaved -= changes;
  }
}
