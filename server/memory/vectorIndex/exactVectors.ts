import { cosineDistance, squaredNorm } from "./pgvectorCosine";

/** Candidates ranked by exact distance, nearest first (equal distances: the higher seq first). */
export interface ExactRanking {
  /** memories.seq of each. */
  keys: Float64Array;
  /** pgvector's cosine distance from the query to each one's stored vector. */
  distances: Float64Array;
}

/**
 * The exact float vectors of the memories a graph holds, keyed by memories.seq, beside the graph
 * (whose own vectors are 8-bit): the candidates a search proposes are ranked here by the distances
 * the database would compute, so the database only decides which of them the speaker may see, and
 * never reads a vector on the server's thread. Kept in one block of memory (a slot per memory,
 * freed slots reused), each with its squared norm computed once.
 */
export class ExactVectors {
  private vectors: Float32Array;
  private norms: Float64Array;
  private readonly slotOf = new Map<number, number>();
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;

  constructor(
    readonly dimensions: number,
    capacity = 1024,
  ) {
    if (!Number.isInteger(dimensions) || dimensions < 1) throw new Error(`dimensions must be a positive integer, got ${dimensions}`);
    this.vectors = new Float32Array(capacity * dimensions);
    this.norms = new Float64Array(capacity);
  }

  get size(): number {
    return this.slotOf.size;
  }

  seqs(): IterableIterator<number> {
    return this.slotOf.keys();
  }

  /** Adds these memories' vectors (`vectors` holds them one after another), replacing any held. */
  put(seqs: ArrayLike<number>, vectors: Float32Array): void {
    const d = this.dimensions;
    if (vectors.length !== seqs.length * d) throw new Error(`${seqs.length} vectors of ${d} dimensions need ${seqs.length * d} values, got ${vectors.length}`);
    for (let i = 0; i < seqs.length; i++) {
      const seq = seqs[i]!;
      let slot = this.slotOf.get(seq);
      if (slot === undefined) {
        slot = this.freeSlots.pop() ?? this.newSlot();
        this.slotOf.set(seq, slot);
      }
      this.vectors.set(vectors.subarray(i * d, (i + 1) * d), slot * d);
      this.norms[slot] = squaredNorm(this.vectors, slot * d, d);
    }
  }

  remove(seqs: ArrayLike<number>): void {
    for (let i = 0; i < seqs.length; i++) {
      const slot = this.slotOf.get(seqs[i]!);
      if (slot === undefined) continue;
      this.slotOf.delete(seqs[i]!);
      this.freeSlots.push(slot);
    }
  }

  /** Ranks `seqs` by their exact distance to `query`; every one must be held. */
  rank(query: Float32Array, seqs: ArrayLike<number>): ExactRanking {
    const d = this.dimensions;
    if (query.length !== d) throw new Error(`expected a ${d}-d query vector, got ${query.length}-d`);
    const queryNorm = squaredNorm(query, 0, d);
    const order = Array.from({ length: seqs.length }, (_, i) => {
      const slot = this.slotOf.get(seqs[i]!);
      if (slot === undefined) throw new Error(`the graph proposed memory ${seqs[i]}, whose exact vector is not held`);
      return { seq: seqs[i]!, distance: cosineDistance(query, queryNorm, this.vectors, slot * d, this.norms[slot]!) };
    });
    // NaN (an all-zero vector) last, as PostgreSQL orders it.
    const key = (distance: number) => (Number.isNaN(distance) ? Infinity : distance);
    order.sort((a, b) => key(a.distance) - key(b.distance) || b.seq - a.seq);
    return { keys: Float64Array.from(order, (o) => o.seq), distances: Float64Array.from(order, (o) => o.distance) };
  }

  /** The file form: every seq (unsigned 64-bit), then every vector (32-bit floats) in the same order. */
  toBytes(): Buffer {
    const d = this.dimensions;
    const count = this.slotOf.size;
    const bytes = Buffer.alloc(count * 8 + count * d * 4);
    const seqs = new BigUint64Array(bytes.buffer, bytes.byteOffset, count);
    const vectors = new Float32Array(bytes.buffer, bytes.byteOffset + count * 8, count * d);
    let i = 0;
    for (const [seq, slot] of this.slotOf) {
      seqs[i] = BigInt(seq);
      vectors.set(this.vectors.subarray(slot * d, (slot + 1) * d), i * d);
      i++;
    }
    return bytes;
  }

  /** The file's vectors are used where they lie (no copy: 154 MB at 100k memories of 384-d). */
  static fromBytes(bytes: Uint8Array, dimensions: number): ExactVectors {
    const perMemory = 8 + dimensions * 4;
    if (bytes.byteLength % perMemory !== 0) throw new Error(`a vectors file of ${bytes.byteLength} bytes cannot hold ${dimensions}-d vectors`);
    const count = bytes.byteLength / perMemory;
    // Typed arrays read only from aligned offsets: bytes read at another offset are copied first.
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
    const seqs = new BigUint64Array(aligned.buffer, aligned.byteOffset, count);
    const exact = new ExactVectors(dimensions, 1);
    exact.vectors = new Float32Array(aligned.buffer, aligned.byteOffset + count * 8, count * dimensions);
    exact.norms = new Float64Array(count);
    for (let slot = 0; slot < count; slot++) {
      const seq = Number(seqs[slot]!);
      if (exact.slotOf.has(seq)) throw new Error(`the vectors file holds memory ${seq} twice`);
      exact.slotOf.set(seq, slot);
      exact.norms[slot] = squaredNorm(exact.vectors, slot * dimensions, dimensions);
    }
    exact.slotsUsed = count;
    return exact;
  }

  private newSlot(): number {
    if (this.slotsUsed === this.norms.length) {
      const capacity = Math.max(1024, this.norms.length * 2);
      const grown = new Float32Array(capacity * this.dimensions);
      grown.set(this.vectors);
      this.vectors = grown;
      const norms = new Float64Array(capacity);
      norms.set(this.norms);
      this.norms = norms;
    }
    return this.slotsUsed++;
  }
}
