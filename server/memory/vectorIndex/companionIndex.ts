import type { ExactRanking } from "./exactVectors";
import type { RemoteGraph } from "./hnswThread";
import { saveIndexFiles, type IndexIdentity } from "./indexFiles";

/**
 * One companion's memories under one model, in an HNSW graph keyed by memories.seq (held by the
 * index thread), with the set of keys it holds (usearch cannot list them, and keeping the graph in
 * step with the database needs to). Its changes since the last save are counted, so only changed
 * indexes are written.
 */
export class CompanionIndex {
  private readonly keys: Set<number>;
  private unsaved = 0;

  constructor(
    readonly identity: IndexIdentity,
    private readonly graph: RemoteGraph,
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
  async put(seq: number, vector: Float32Array): Promise<void> {
    if (vector.length !== this.identity.dimensions) throw new Error(`expected a ${this.identity.dimensions}-d vector, got ${vector.length}-d`);
    const replacing = this.keys.has(seq);
    this.keys.add(seq);
    this.unsaved++;
    // Both calls are sent before either is answered: a search sent after them sees the new vector.
    await Promise.all([replacing ? this.graph.remove([seq]) : undefined, this.graph.add([seq], vector)]);
  }

  async remove(seq: number): Promise<void> {
    if (!this.keys.delete(seq)) return;
    this.unsaved++;
    await this.graph.remove([seq]);
  }

  /** The `count` memories the graph finds nearest to `vector`, ranked by their exact distances. */
  async search(vector: Float32Array, count: number): Promise<ExactRanking> {
    if (this.keys.size === 0) return { keys: new Float64Array(0), distances: new Float64Array(0) };
    return this.graph.search(vector, Math.min(count, this.keys.size));
  }

  async save(dir: string): Promise<void> {
    const changes = this.unsaved;
    await saveIndexFiles(dir, this.identity, (files) => this.graph.save(files), BigUint64Array.from(this.keys, BigInt));
    // Changes made while the files were written stay counted for the next save.
    this.unsaved -= changes;
  }

  /** The graph is no longer needed (the index was opened again, or it failed): the thread frees it. */
  release(): void {
    this.graph.release();
  }
}
