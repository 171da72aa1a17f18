import type { Logger } from "../../logging";
import type { Queryable } from "../../storage";
import type { EmbeddedMemory } from "../vectorIndex";
import { pendingMemories, storeEmbeddings, type EmbeddingModelRef } from "./embeddingStore";
import type { Embedder } from "./loadEmbedder";

export interface EmbeddingQueueOptions {
  db: Queryable;
  /** The model to embed with; null when there is none (the queue then does nothing). */
  model: () => Promise<{ embedder: Embedder; ref: EmbeddingModelRef } | null>;
  logger: Logger;
  /** Memories per inference call. */
  batchSize?: number;
  /** Waits after a failure, in turn; the last repeats. */
  retryDelaysMs?: readonly number[];
  /** How often a full pass looks again from the first memory (see `sweep`). */
  sweepEveryMs?: number;
  /** Told of each batch once its vectors are stored (the native vector index takes them). */
  onStored?: ((model: EmbeddingModelRef, memories: readonly EmbeddedMemory[]) => void) | undefined;
}

export interface EmbeddingQueue {
  /** New memories were stored: embed them soon. Returns the pass it scheduled. */
  notify(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Embeds stored memories in the background, in insertion order, one pass at a time: never on the
 * reply path. A failed batch stays unembedded and is tried again after a delay. The cursor skips
 * what a pass has seen; a periodic pass from the start also finds a memory whose transaction
 * committed after a later one (several server processes on one PostgreSQL) and any memory left
 * behind by a crash.
 */
export function startEmbeddingQueue({ db, model, logger, batchSize = 16, retryDelaysMs = [5_000, 30_000, 300_000], sweepEveryMs = 600_000, onStored }: EmbeddingQueueOptions): EmbeddingQueue {
  let cursor = 0;
  let failures = 0;
  let stopped = false;
  let tail: Promise<void> = Promise.resolve();
  let scheduled: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  const sweepTimer = setInterval(() => {
    cursor = 0;
    void notify();
  }, sweepEveryMs);
  sweepTimer.unref();

  async function pass(): Promise<void> {
    try {
      const loaded = await model();
      if (!loaded || stopped) return;
      while (!stopped) {
        const batch = await pendingMemories(db, loaded.ref, cursor, batchSize);
        if (batch.length === 0) break;
        const vectors = await loaded.embedder.embed(batch.map((m) => m.text));
        await storeEmbeddings(db, loaded.ref, batch.map((m, i) => ({ memoryId: m.id, vector: vectors[i]! })));
        onStored?.(loaded.ref, batch.map((m, i) => ({ companionId: m.companionId, seq: m.seq, vector: vectors[i]! })));
        cursor = batch.at(-1)!.seq;
      }
      if (failures > 0) logger.info({ failures }, "memory embedding works again");
      failures = 0;
    } catch (error) {
      const delay = retryDelaysMs[Math.min(failures, retryDelaysMs.length - 1)]!;
      failures++;
      logger.warn({ err: error, retryInSeconds: delay / 1000 }, "embedding memories failed; they stay unembedded and are tried again");
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void notify(), delay);
      retryTimer.unref();
    }
  }

  // At most one pass runs and one waits: notifications during a pass all share the next one.
  function notify(): Promise<void> {
    if (stopped) return tail;
    scheduled ??= tail.then(() => {
      scheduled = null;
      return pass();
    });
    tail = scheduled;
    return scheduled;
  }

  return {
    notify,
    async stop() {
      stopped = true;
      clearInterval(sweepTimer);
      clearTimeout(retryTimer);
      await tail;
    },
  };
}
