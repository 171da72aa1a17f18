import path from "node:path";
import type { Logger } from "../../logging";
import type { Queryable } from "../../storage";
import { startEmbeddingQueue, type EmbeddingQueueOptions } from "./embeddingQueue";
import { registerEmbeddingModel, type EmbeddingModelRef } from "./embeddingStore";
import { createModelProgress } from "../../models";
import type { Embedder } from "./loadEmbedder";
import { loadEmbedderInChildProcess } from "./loadEmbedderInChildProcess";
import { createMemoryVectorIndex, type MemoryVectorIndex } from "../vectorIndex";

/** off: configured `none`; idle: not needed yet; unavailable: loading failed (full-text only until restart). */
export type EmbeddingsState = "off" | "idle" | "loading" | "ready" | "unavailable";

/** A query's vector and the model whose stored vectors it is compared with. */
export interface QueryEmbedding {
  model: EmbeddingModelRef;
  vector: number[];
}

/** What recall needs from the embeddings: a query vector when a model is ready. */
export interface QueryEmbedder {
  /** Null while no model is ready: recall then runs on full-text alone. Never waits for a download. */
  embedQuery(text: string): Promise<QueryEmbedding | null>;
  /** False while embedQuery would return null (recall then reads no deeper than it needs); absent: true. */
  readonly available?: boolean;
  /** The native index nearest-memory search goes through once a companion's is ready; absent: the database's search. */
  readonly vectorIndex?: MemoryVectorIndex | undefined;
}

export interface MemoryEmbeddings extends QueryEmbedder {
  readonly state: EmbeddingsState;
  /** The model, loaded (downloaded) on the first call; null when there is none. */
  load(): Promise<{ embedder: Embedder; ref: EmbeddingModelRef } | null>;
  /** Memories were stored: they get embedded in the background. Resolves when that pass ends. */
  notify(): Promise<void>;
  close(): Promise<void>;
}

export interface MemoryEmbeddingsOptions {
  db: Queryable;
  /** `none`, a Hugging Face model id, or an absolute model directory (KINDRED_EMBEDDING_MODEL). */
  model: string;
  /** Downloads go to `<dataDir>/models`. */
  dataDir: string;
  logger: Logger;
  /** Where the download progress line is drawn; null: logs only. */
  terminal?: NodeJS.WriteStream | null;
  queue?: Pick<EmbeddingQueueOptions, "batchSize" | "retryDelaysMs" | "sweepEveryMs">;
  /**
   * Where the native vector index keeps its files (`<dataDir>/vector-index` on embedded storage);
   * absent: no native index, the database's own vector search (PostgreSQL).
   */
  vectorIndexDir?: string | undefined;
}

/**
 * The memory embeddings of one server: a sentence model loaded lazily (on the first memory to
 * embed or the first recall) in a child process of its own, so that embedding never stalls the
 * rooms' event loop; a background queue that embeds stored memories; and query vectors for recall. Without a model (`none`, offline, a broken download) memory works on full-text
 * search alone, said once in the log.
 */
export function createMemoryEmbeddings({ db, model, dataDir, logger, terminal = null, queue: queueOptions, vectorIndexDir }: MemoryEmbeddingsOptions): MemoryEmbeddings {
  let state: EmbeddingsState = model === "none" ? "off" : "idle";
  let loading: Promise<{ embedder: Embedder; ref: EmbeddingModelRef } | null> | undefined;
  // Closing stops a load (a download) in progress instead of leaving its process behind.
  const closing = new AbortController();
  if (state === "off") logger.info("memory embeddings are off (KINDRED_EMBEDDING_MODEL=none): recall uses full-text search only");

  const load = () =>
    (loading ??= (async () => {
      if (state === "off") return null;
      state = "loading";
      logger.info({ model }, `loading the embedding model ${model}`);
      try {
        const embedder = await loadEmbedderInChildProcess({
          model,
          cacheDir: path.join(dataDir, "models"),
          onProgress: createModelProgress({ logger, terminal, label: "embedding model" }).report,
          signal: closing.signal,
        });
        const ref = await registerEmbeddingModel(db, embedder.name, embedder.dimensions);
        state = "ready";
        logger.info({ model, dimensions: embedder.dimensions }, "embedding model ready: recall is hybrid (full-text and vectors)");
        return { embedder, ref };
      } catch (error) {
        state = "unavailable";
        if (closing.signal.aborted) return null;
        logger.warn(`embedding model ${model} unavailable (${(error as Error).message}): recall uses full-text search only`);
        return null;
      }
    })());

  const vectorIndex = vectorIndexDir === undefined || state === "off" ? undefined : createMemoryVectorIndex({ db, dir: vectorIndexDir, logger });
  const queue = startEmbeddingQueue({ db, model: load, logger, ...queueOptions, onStored: vectorIndex?.embedded });

  return {
    get state() {
      return state;
    },
    get available() {
      return state === "ready";
    },
    vectorIndex,
    load,
    notify: () => queue.notify(),
    async embedQuery(text) {
      if (state !== "ready") {
        void load();
        return null;
      }
      const loaded = await load();
      if (!loaded) return null;
      try {
        const [vector] = await loaded.embedder.embed([text]);
        return { model: loaded.ref, vector: vector! };
      } catch (error) {
        logger.warn({ err: error }, "embedding a recall query failed: this recall uses full-text search only");
        return null;
      }
    },
    async close() {
      // A download in progress is stopped, not waited for: the folder without its completion
      // marker is fetched again on the next start.
      if (state === "loading") {
        closing.abort();
        void queue.stop();
        await vectorIndex?.close();
        return;
      }
      await queue.stop();
      // After the queue: the last vectors stored are in the index files written now.
      await vectorIndex?.close();
      const loaded = await loading;
      await loaded?.embedder.close();
    },
  };
}
