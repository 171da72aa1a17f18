import { describe, expect, it } from "vitest";
import { ExactVectors } from "../../../../server/memory/vectorIndex/exactVectors";
import { cosineDistance, squaredNorm } from "../../../../server/memory/vectorIndex/pgvectorCosine";
import { DIMENSIONS, seeded, unitVector } from "./vectorIndexFixtures";

const random = seeded(11);
const distance = (query: readonly number[], vector: readonly number[]) => {
  const [q, v] = [Float32Array.from(query), Float32Array.from(vector)];
  return cosineDistance(q, squaredNorm(q, 0, DIMENSIONS), v, 0, squaredNorm(v, 0, DIMENSIONS));
};

/** `count` memories with seqs 1…count, held in a store. */
function filled(count: number) {
  const vectors = Array.from({ length: count }, () => unitVector(random));
  const store = new ExactVectors(DIMENSIONS, 4);
  store.put(vectors.map((_, i) => i + 1), Float32Array.from(vectors.flat()));
  return { store, vectors };
}

describe("the exact vectors beside a graph", () => {
  it("ranks candidates by pgvector's distance, nearest first, the higher seq first on a tie", () => {
    const { store, vectors } = filled(50);
    const query = unitVector(random);
    const candidates = [3, 17, 42, 8, 25, 1];
    const ranked = store.rank(Float32Array.from(query), candidates);
    const expected = candidates.map((seq) => ({ seq, d: distance(query, vectors[seq - 1]!) })).sort((a, b) => a.d - b.d);
    expect(Array.from(ranked.keys)).toEqual(expected.map((e) => e.seq));
    expect(Array.from(ranked.distances)).toEqual(expected.map((e) => e.d));
    // Two memories with the same vector: the more recent (higher seq) first, as the database orders them.
    store.put([60], Float32Array.from(vectors[2]!));
    const tied = Array.from(store.rank(Float32Array.from(query), [3, 60, 17]).keys);
    expect(tied.indexOf(60)).toBe(tied.indexOf(3) - 1);
  });

  it("replaces a memory's vector when it is put again, reuses a removed one's room, and grows past its first capacity", () => {
    const { store, vectors } = filled(10);
    const changed = unitVector(random);
    store.put([4], Float32Array.from(changed));
    store.remove([7, 999]);
    expect(store.size).toBe(9);
    const query = unitVector(random);
    expect(store.rank(Float32Array.from(query), [4]).distances[0]).toBe(distance(query, changed));
    expect(() => store.rank(Float32Array.from(query), [7])).toThrow(/memory 7, whose exact vector is not held/);
    store.put([11], Float32Array.from(vectors[0]!));
    expect(store.rank(Float32Array.from(query), [11, 1]).distances).toEqual(Float64Array.from([distance(query, vectors[0]!), distance(query, vectors[0]!)]));
    expect([...store.seqs()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11]);
  });

  it("comes back from its file form as it was, even from bytes at an odd offset", () => {
    const { store } = filled(30);
    store.remove([5]);
    const bytes = store.toBytes();
    const shifted = new Uint8Array(bytes.length + 3).subarray(3);
    shifted.set(bytes);
    const query = Float32Array.from(unitVector(random));
    const seqs = [...store.seqs()];
    for (const copy of [ExactVectors.fromBytes(bytes, DIMENSIONS), ExactVectors.fromBytes(shifted, DIMENSIONS)]) {
      expect(copy.size).toBe(29);
      expect(copy.rank(query, seqs)).toEqual(store.rank(query, seqs));
    }
  });

  it("refuses vectors, queries and files of the wrong size with a clear error", () => {
    const { store } = filled(3);
    expect(() => store.put([20, 21], new Float32Array(DIMENSIONS))).toThrow(/2 vectors of 8 dimensions need 16 values, got 8/);
    expect(() => store.rank(new Float32Array(DIMENSIONS + 1), [1])).toThrow(/expected a 8-d query vector, got 9-d/);
    expect(() => ExactVectors.fromBytes(new Uint8Array(41), DIMENSIONS)).toThrow(/41 bytes cannot hold 8-d vectors/);
    const twice = filled(2).store.toBytes();
    twice.writeBigUInt64LE(1n, 8);
    expect(() => ExactVectors.fromBytes(twice, DIMENSIONS)).toThrow(/holds memory 1 twice/);
    expect(() => new ExactVectors(0)).toThrow(/positive integer/);
  });
});
