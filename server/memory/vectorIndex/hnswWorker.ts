import { parentPort } from "node:worker_threads";
import { GraphWithVectors } from "./graphWithVectors";
import type { GraphFiles } from "./indexFiles";

/** What the server asks of the graphs this thread holds; `graph` names one, `id` pairs the reply. */
export type ToHnswThread = { id: number } & (
  | { type: "create"; graph: number; dimensions: number }
  | { type: "load"; graph: number; dimensions: number; files: GraphFiles }
  | { type: "add"; graph: number; keys: number[]; vectors: Float32Array }
  | { type: "remove"; graph: number; keys: number[] }
  | { type: "search"; graph: number; vector: Float32Array; count: number }
  | { type: "save"; graph: number; files: GraphFiles }
  | { type: "release"; graph: number }
);

export type FromHnswThread = { id: number } & (
  | { type: "done" }
  | { type: "loaded"; size: number; dimensions: number }
  | { type: "found"; keys: Float64Array; distances: Float64Array }
  | { type: "failed"; message: string }
);

// usearch's calls are synchronous and a search costs milliseconds of CPU (about 6 ms at 100k
// memories): the graphs live here, on a thread of their own, so a search and the exact ranking
// of what it finds run while the server's thread runs the database (full-text recall) and the
// rooms. Messages are handled in the order they come, so a search sees every add and remove sent
// before it.
const graphs = new Map<number, GraphWithVectors>();
const port = parentPort!;

function graph(id: number): GraphWithVectors {
  const found = graphs.get(id);
  if (!found) throw new Error(`no vector graph ${id} on the index thread`);
  return found;
}

function handle(message: ToHnswThread): FromHnswThread {
  const { id } = message;
  switch (message.type) {
    case "create":
      graphs.set(message.graph, GraphWithVectors.create(message.dimensions));
      return { id, type: "done" };
    case "load": {
      const loaded = GraphWithVectors.load(message.files, message.dimensions);
      graphs.set(message.graph, loaded);
      return { id, type: "loaded", size: loaded.size, dimensions: loaded.dimensions };
    }
    case "add":
      graph(message.graph).add(message.keys, message.vectors);
      return { id, type: "done" };
    case "remove":
      graph(message.graph).remove(message.keys);
      return { id, type: "done" };
    case "search":
      return { id, type: "found", ...graph(message.graph).search(message.vector, message.count) };
    case "save":
      graph(message.graph).save(message.files);
      return { id, type: "done" };
    case "release":
      graphs.delete(message.graph);
      return { id, type: "done" };
  }
}

port.on("message", (message: ToHnswThread) => {
  let reply: FromHnswThread;
  try {
    reply = handle(message);
  } catch (error) {
    reply = { id: message.id, type: "failed", message: (error as Error).message };
  }
  port.postMessage(reply);
});
