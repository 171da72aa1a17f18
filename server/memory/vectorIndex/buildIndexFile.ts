import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { Logger } from "../../logging";
import { TYPESCRIPT_ENTRY } from "../../process";
import type { Queryable } from "../../storage";
import type { BuildSetup, FromBuilder, ToBuilder } from "./buildIndexWorker";
import type { IndexIdentity } from "./indexFiles";
import { vectorsAfter } from "./storedVectors";

const BUILD_WORKER = new URL("./buildIndexWorker.ts", import.meta.url).href;
/**
 * Vectors read from the database per statement. PGlite runs on this thread and writes each vector
 * as text (about 0.25 ms of CPU per 384-d vector): a batch this size keeps each pause of the
 * event loop under about a tenth of a second.
 */
const READ_BATCH = 250;
const PROGRESS_EVERY_MS = 10_000;

export interface BuildIndexFileOptions {
  db: Queryable;
  dir: string;
  identity: IndexIdentity;
  /** How many vectors there are to add (for progress and the time left). */
  expected: number;
  logger: Logger;
  signal: AbortSignal;
}

/**
 * Builds a companion's index from the vectors stored in the database into its index files, on a
 * worker thread. Vectors are read in seq order a batch at a time, the next read overlapping the
 * worker's inserts of the previous batch; progress is logged every ten seconds. Memories embedded
 * meanwhile may be missed: the caller compares the result with the database afterwards.
 */
export async function buildIndexFile({ db, dir, identity, expected, logger, signal }: BuildIndexFileOptions): Promise<number> {
  const worker = new Worker(TYPESCRIPT_ENTRY, { argv: [BUILD_WORKER], workerData: { dir, identity } satisfies BuildSetup });
  let waiting: { resolve: (reply: FromBuilder) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    waiting?.reject(error);
    waiting = undefined;
  };
  worker.on("message", (reply: FromBuilder) => {
    const current = waiting;
    waiting = undefined;
    if (reply.type === "failed") current?.reject(new Error(reply.message));
    else current?.resolve(reply);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the index build thread exited (code ${code})`)));
  const stop = () => fail(new Error("stopped: the server is closing"));
  signal.addEventListener("abort", stop);
  const ask = (message: ToBuilder, transfer: ArrayBuffer[] = []) =>
    new Promise<FromBuilder>((resolve, reject) => {
      if (signal.aborted) return reject(new Error("stopped: the server is closing"));
      waiting = { resolve, reject };
      worker.postMessage(message, transfer);
    });

  const started = performance.now();
  let lastReport = started;
  try {
    let added = 0;
    let inFlight: Promise<FromBuilder> | undefined;
    for (let after = 0; ; ) {
      const batch = await vectorsAfter(db, identity, after, READ_BATCH);
      await inFlight;
      if (batch.seqs.length === 0) break;
      after = batch.seqs.at(-1)!;
      added += batch.seqs.length;
      inFlight = ask({ type: "add", seqs: batch.seqs, vectors: batch.vectors }, [batch.vectors.buffer as ArrayBuffer]);
      inFlight.catch(() => undefined); // awaited on the next turn; a failure must not go unhandled meanwhile
      if (performance.now() - lastReport > PROGRESS_EVERY_MS) {
        lastReport = performance.now();
        const seconds = (lastReport - started) / 1000;
        const left = added < expected ? Math.round((seconds / added) * (expected - added)) : 0;
        logger.info({ companionId: identity.companionId, added, of: expected, seconds: Math.round(seconds), secondsLeft: left }, "building the memory vector index");
      }
    }
    const saved = await ask({ type: "save" });
    return saved.type === "saved" ? saved.size : 0;
  } finally {
    signal.removeEventListener("abort", stop);
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}
