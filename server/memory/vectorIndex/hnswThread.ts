import { Worker } from "node:worker_threads";
import type { Logger } from "../../logging";
import { TYPESCRIPT_ENTRY } from "../../process";
import type { ExactRanking } from "./exactVectors";
import type { FromHnswThread, ToHnswThread } from "./hnswWorker";
import type { GraphFiles } from "./indexFiles";

const HNSW_WORKER = new URL("./hnswWorker.ts", import.meta.url).href;

type Request = ToHnswThread extends infer M ? (M extends { id: number } ? Omit<M, "id"> : never) : never;

/**
 * One HNSW graph with its exact vectors (see GraphWithVectors), held by the index thread. Calls run
 * there one after another, in the order made.
 */
export interface RemoteGraph {
  add(keys: readonly number[], vectors: Float32Array): Promise<void>;
  remove(keys: readonly number[]): Promise<void>;
  /** The `count` memories the graph finds nearest, ranked by their exact distances. */
  search(vector: Float32Array, count: number): Promise<ExactRanking>;
  save(files: GraphFiles): Promise<void>;
  /** The thread forgets the graph; calls made after this fail. */
  release(): void;
}

export interface HnswThread {
  create(dimensions: number): Promise<RemoteGraph>;
  load(files: GraphFiles, dimensions: number): Promise<{ graph: RemoteGraph; size: number; dimensions: number }>;
  /** Stops the thread; calls still waiting fail. */
  close(): Promise<void>;
}

/**
 * The thread the memories' HNSW graphs live on (see hnswWorker), started on first use. It keeps
 * the process alive only while a call waits for it. If it dies, every waiting call fails, the
 * graphs it held are gone (their calls fail too, and the companions' indexes are opened again),
 * and the next new graph starts a fresh thread.
 */
export function startHnswThread(logger: Logger): HnswThread {
  let worker: Worker | undefined;
  const waiting = new Map<number, { resolve: (reply: FromHnswThread) => void; reject: (error: Error) => void }>();
  let lastCall = 0;
  let lastGraph = 0;

  const start = (): Worker => {
    const thread = new Worker(TYPESCRIPT_ENTRY, { argv: [HNSW_WORKER] });
    thread.unref();
    const fail = (error: Error) => {
      if (worker !== thread) return;
      worker = undefined;
      logger.error({ err: error }, "memory vector index: its thread stopped; recall uses the database's vector search until the indexes are open again");
      for (const call of waiting.values()) call.reject(error);
      waiting.clear();
    };
    thread.on("message", (reply: FromHnswThread) => {
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (waiting.size === 0) thread.unref();
      if (reply.type === "failed") call?.reject(new Error(reply.message));
      else call?.resolve(reply);
    });
    thread.on("error", fail);
    thread.on("exit", (code) => fail(new Error(`the vector index thread exited (code ${code})`)));
    return thread;
  };

  const call = (request: Request, transfer: ArrayBuffer[] = []): Promise<FromHnswThread> => {
    const thread = worker;
    if (!thread) return Promise.reject(new Error("the vector index thread is not running"));
    const id = ++lastCall;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ ...request, id }, transfer);
    });
  };

  const remote = (graph: number): RemoteGraph => ({
    // A copy: posting a view of a larger buffer would copy all of that buffer.
    add: async (keys, vectors) => void (await call({ type: "add", graph, keys: [...keys], vectors: vectors.slice() })),
    remove: async (keys) => void (await call({ type: "remove", graph, keys: [...keys] })),
    search: async (vector, count) => {
      const reply = await call({ type: "search", graph, vector, count });
      if (reply.type !== "found") throw new Error(`the vector index thread answered a search with ${reply.type}`);
      return { keys: reply.keys, distances: reply.distances };
    },
    save: async (files) => void (await call({ type: "save", graph, files })),
    release: () => void call({ type: "release", graph }).catch(() => undefined),
  });

  return {
    async create(dimensions) {
      worker ??= start();
      const graph = ++lastGraph;
      await call({ type: "create", graph, dimensions });
      return remote(graph);
    },
    async load(files, dimensions) {
      worker ??= start();
      const graph = ++lastGraph;
      const reply = await call({ type: "load", graph, dimensions, files });
      if (reply.type !== "loaded") throw new Error(`the vector index thread answered a load with ${reply.type}`);
      return { graph: remote(graph), size: reply.size, dimensions: reply.dimensions };
    },
    async close() {
      const thread = worker;
      worker = undefined;
      for (const waiter of waiting.values()) waiter.reject(new Error("stopped: the vector index thread is closing"));
      waiting.clear();
      await thread?.terminate();
    },
  };
}
