import { afterAll, describe, expect, it } from "vitest";
import { startHnswThread } from "../../../../server/memory/vectorIndex/hnswThread";
import { makeTempDir } from "../../support/tempDir";
import { capturingLogger, DIMENSIONS, seeded, unitVector } from "./vectorIndexFixtures";

const temp = makeTempDir("kindred-hnsw-thread-");
afterAll(() => temp.remove());

const random = seeded(5);
const vectors = Array.from({ length: 40 }, () => unitVector(random));
const flat = (list: number[][]) => Float32Array.from(list.flat());

describe("the vector index thread", () => {
  it("holds graphs apart, answers searches in the order it was asked, and saves and loads them", async () => {
    const thread = startHnswThread(capturingLogger().logger);
    const first = await thread.create(DIMENSIONS);
    const second = await thread.create(DIMENSIONS);
    const keys = vectors.map((_, i) => i + 1);
    await first.add(keys, flat(vectors));
    // Sent one after another without waiting: the search sees the add, the second graph holds nothing of the first.
    const [, found, elsewhere] = await Promise.all([
      second.add([99], Float32Array.from(vectors[7]!)),
      first.search(Float32Array.from(vectors[7]!), 3),
      second.search(Float32Array.from(vectors[7]!), 3),
    ]);
    expect(found.keys[0]).toBe(8);
    expect(found.distances[0]).toBeCloseTo(0, 2);
    expect(Array.from(elsewhere.keys)).toEqual([99]);
    const [, afterRemove] = await Promise.all([first.remove([8]), first.search(Float32Array.from(vectors[7]!), 40)]);
    expect(Array.from(afterRemove.keys)).not.toContain(8);
    expect(afterRemove.keys).toHaveLength(39);

    const files = { graph: `${temp.path}/first.usearch`, vectors: `${temp.path}/first.vectors` };
    await first.save(files);
    const loaded = await thread.load(files, DIMENSIONS);
    expect({ size: loaded.size, dimensions: loaded.dimensions }).toEqual({ size: 39, dimensions: DIMENSIONS });
    expect(Array.from((await loaded.graph.search(Float32Array.from(vectors[3]!), 1)).keys)).toEqual([4]);
    await thread.close();
  });

  it("fails the calls on a released graph, and every call after it is closed, with a clear error", async () => {
    const thread = startHnswThread(capturingLogger().logger);
    const graph = await thread.create(DIMENSIONS);
    await graph.add([1], Float32Array.from(vectors[0]!));
    graph.release();
    await expect(graph.search(Float32Array.from(vectors[0]!), 1)).rejects.toThrow(/no vector graph/);
    await expect(thread.load({ graph: `${temp.path}/nothing-here.usearch`, vectors: `${temp.path}/nothing-here.vectors` }, DIMENSIONS)).rejects.toThrow();
    const kept = await thread.create(DIMENSIONS);
    await thread.close();
    await expect(kept.search(Float32Array.from(vectors[0]!), 1)).rejects.toThrow(/not running/);
  });

  it("ranks what the graph finds by exact distance, and refuses to load a graph with another graph's vectors", async () => {
    const thread = startHnswThread(capturingLogger().logger);
    const [first, second] = [await thread.create(DIMENSIONS), await thread.create(DIMENSIONS)];
    await first.add([1, 2, 3], flat(vectors.slice(0, 3)));
    await second.add([1, 2], flat(vectors.slice(0, 2)));
    const found = await first.search(Float32Array.from(vectors[9]!), 3);
    expect(Array.from(found.distances)).toEqual([...found.distances].sort((a, b) => a - b));
    expect(new Set(found.keys)).toEqual(new Set([1, 2, 3]));
    const files = (name: string) => ({ graph: `${temp.path}/${name}.usearch`, vectors: `${temp.path}/${name}.vectors` });
    await first.save(files("three"));
    await second.save(files("two"));
    await expect(thread.load({ graph: files("three").graph, vectors: files("two").vectors }, DIMENSIONS)).rejects.toThrow(/graph holds 3 memories, the vectors file 2/);
    await thread.close();
  });

  it("refuses a vector of the wrong size without harming the graph", async () => {
    const thread = startHnswThread(capturingLogger().logger);
    const graph = await thread.create(DIMENSIONS);
    await graph.add([1, 2], flat(vectors.slice(0, 2)));
    await expect(graph.search(new Float32Array(DIMENSIONS + 3), 1)).rejects.toThrow();
    expect(Array.from((await graph.search(Float32Array.from(vectors[1]!), 1)).keys)).toEqual([2]);
    await thread.close();
  });
});
