import { performance } from "node:perf_hooks";
import type { Logger } from "../../logging";
import type { Queryable } from "../../storage";
import type { EmbeddingModelRef } from "../embeddings/embeddingStore";
import { buildIndexFile } from "./buildIndexFile";
import { CompanionIndex } from "./companionIndex";
import { startHnswThread } from "./hnswThread";
import { loadIndexFiles, type IndexIdentity } from "./indexFiles";
import { bringUpToDate } from "./bringUpToDate";
import { embeddedSeqs } from "./storedVectors";

/** A memory whose vector was just stored. */
export interface EmbeddedMemory {
  companionId: string;
  seq: number;
  vector: readonly number[];
}

export interface MemoryVectorIndexOptions {
  db: Queryable;
  /** Where the index files live: `<dataDir>/vector-index`. */
  dir: string;
  logger: Logger;
  /** How long a changed index waits before it is written again: a burst of memories makes one write. */
  saveAfterMs?: number;
  /** How long after a failed open the next recall tries again. */
  retryAfterMs?: number;
}

/**
 * The memories' vectors in native HNSW graphs, one per companion and model, kept beside the
 * database as a cache of what it stores (the database stays the truth). A companion's index is
 * opened on its first recall: loaded from its files, built on a worker thread when they are
 * missing or damaged, then brought up to date with the database. Until it is ready, `opened`
 * answers null and recall uses the database's own vector search.
 */
export interface MemoryVectorIndex {
  /** The companion's index when it is ready; otherwise null, and it is opened in the background. */
  opened(model: EmbeddingModelRef, companionId: string): CompanionIndex | null;
  /** Resolves once the companion's index is open (true) or could not be (false); opens it if needed. */
  ready(model: EmbeddingModelRef, companionId: string): Promise<boolean>;
  /** Vectors were stored: the open indexes take them (a closed one finds them when it opens). */
  embedded(model: EmbeddingModelRef, memories: readonly EmbeddedMemory[]): void;
  /** Memories of this companion were deleted: its open indexes compare themselves with the database. */
  forgotten(companionId: string): void;
  /** Writes what changed and stops; a build in progress is abandoned (it starts again next time). */
  close(): Promise<void>;
}

interface Slot {
  identity: IndexIdentity;
  index: CompanionIndex | null;
  /** Everything that changes the index runs here, one task after another. */
  work: Promise<void>;
  failedAt: number | null;
  saveTimer: NodeJS.Timeout | undefined;
}

export function createMemoryVectorIndex({ db, dir, logger, saveAfterMs = 60_000, retryAfterMs = 600_000 }: MemoryVectorIndexOptions): MemoryVectorIndex {
  const slots = new Map<string, Slot>();
  const closing = new AbortController();
  const thread = startHnswThread(logger);
  const drop = (slot: Slot) => {
    slot.index?.release();
    slot.index = null;
  };

  const enqueue = (slot: Slot, what: string, task: () => Promise<void>) => {
    slot.work = slot.work.then(async () => {
      if (closing.signal.aborted) return;
      try {
        await task();
      } catch (error) {
        if (closing.signal.aborted) return;
        logger.error({ err: error, companionId: slot.identity.companionId }, `memory vector index: ${what} failed; recall uses the database's vector search`);
        drop(slot);
        slot.failedAt = Date.now();
      }
      if (slot.index?.changedSinceSave) scheduleSave(slot);
    });
  };

  const scheduleSave = (slot: Slot) => {
    if (slot.saveTimer || closing.signal.aborted) return;
    slot.saveTimer = setTimeout(() => {
      slot.saveTimer = undefined;
      enqueue(slot, "saving", async () => slot.index?.save(dir));
    }, saveAfterMs);
    slot.saveTimer.unref();
  };

  const open = async (slot: Slot) => {
    const started = performance.now();
    const { identity } = slot;
    // Recall uses the database's search until the index is whole again.
    drop(slot);
    const held = await embeddedSeqs(db, identity);
    let loaded = await loadIndexFiles(dir, identity, thread);
    let source = "file";
    if ("problem" in loaded && held.length === 0) loaded = { graph: await thread.create(identity.dimensions), keys: new BigUint64Array(0) };
    for (let attempt = 0; ; attempt++) {
      if ("problem" in loaded) {
        const log = loaded.problem === "missing" ? logger.info.bind(logger) : logger.warn.bind(logger);
        log({ companionId: identity.companionId, vectors: held.length, problem: loaded.problem }, "memory vector index: building it from the stored vectors");
        await buildIndexFile({ db, dir, identity, expected: held.length, logger, signal: closing.signal });
        loaded = await loadIndexFiles(dir, identity, thread);
        if ("problem" in loaded) throw new Error(`the index just built cannot be loaded: ${loaded.problem}`);
        source = "built";
      }
      const index = new CompanionIndex(identity, loaded.graph, loaded.keys);
      if (await bringUpToDate(db, index, closing.signal)) {
        slot.index = index;
        const seconds = Math.round(performance.now() - started) / 1000;
        logger.info({ companionId: identity.companionId, model: identity.modelId, vectors: index.size, source, seconds }, "memory vector index ready");
        return;
      }
      index.release();
      if (attempt > 0) throw new Error("the index fell behind the database again while it was being built");
      loaded = { problem: "far behind the database" };
    }
  };

  const slotFor = (model: EmbeddingModelRef, companionId: string): Slot => {
    const key = `${model.id}/${companionId}`;
    let slot = slots.get(key);
    const retry = slot?.failedAt != null && Date.now() - slot.failedAt > retryAfterMs;
    if (!slot || retry) {
      slot ??= { identity: { modelId: model.id, dimensions: model.dimensions, companionId }, index: null, work: Promise.resolve(), failedAt: null, saveTimer: undefined };
      slot.failedAt = null;
      slots.set(key, slot);
      const opening = slot;
      enqueue(slot, "opening", () => open(opening));
    }
    return slot;
  };

  return {
    opened(model, companionId) {
      if (closing.signal.aborted) return null;
      return slotFor(model, companionId).index;
    },
    async ready(model, companionId) {
      if (closing.signal.aborted) return false;
      const slot = slotFor(model, companionId);
      await slot.work;
      return slot.index !== null;
    },
    embedded(model, memories) {
      for (const companionId of new Set(memories.map((m) => m.companionId))) {
        const slot = slots.get(`${model.id}/${companionId}`);
        if (!slot || slot.failedAt !== null) continue;
        const theirs = memories.filter((m) => m.companionId === companionId);
        enqueue(slot, "adding memories", async () => {
          // Each insert costs a few milliseconds at 100k, on the index thread.
          for (const memory of theirs) await slot.index?.put(memory.seq, Float32Array.from(memory.vector));
        });
      }
    },
    forgotten(companionId) {
      for (const slot of slots.values()) {
        if (slot.identity.companionId !== companionId || slot.failedAt !== null) continue;
        enqueue(slot, "forgetting", async () => {
          if (slot.index && !(await bringUpToDate(db, slot.index, closing.signal))) await open(slot);
        });
      }
    },
    async close() {
      closing.abort();
      const all = [...slots.values()];
      for (const slot of all) clearTimeout(slot.saveTimer);
      await Promise.all(all.map((slot) => slot.work));
      for (const slot of all) {
        if (!slot.index?.changedSinceSave) continue;
        await slot.index.save(dir).catch((error: unknown) => logger.error({ err: error, companionId: slot.identity.companionId }, "memory vector index: saving failed; it is brought up to date on the next start"));
      }
      await thread.close();
    },
  };
}
