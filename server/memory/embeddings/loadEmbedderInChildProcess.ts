import { startModelProcess, type ModelProcess } from "../../process";
import { coalescedEmbedding } from "./coalescedEmbedding";
import type { EmbedderProcessInfo, EmbedderProcessSetup } from "./embedderProcessProtocol";
import type { Embedder, LoadEmbedderOptions } from "./loadEmbedder";

const EMBEDDER_PROCESS = new URL("./embedderProcess.ts", import.meta.url).href;

type EmbedderProcess = ModelProcess<EmbedderProcessInfo, readonly string[], number[][]>;

export interface LoadEmbedderInChildProcessOptions extends LoadEmbedderOptions {
  /** Aborting stops the process: a download in progress rejects the load. */
  signal?: AbortSignal;
}

/**
 * loadEmbedder in a child process of its own: the rooms' event loop keeps running while a batch
 * is embedded. Resolves once the model has loaded there. If the process dies, the texts in flight
 * fail with why and the next call starts it again (from the files on disk by then).
 */
export async function loadEmbedderInChildProcess({ onProgress, signal, ...setup }: LoadEmbedderInChildProcessOptions): Promise<Embedder> {
  let running: Promise<EmbedderProcess> | undefined;
  let closed = false;
  const start = () => {
    const started = startModelProcess<EmbedderProcessInfo, readonly string[], number[][]>({
      name: "embedding model",
      module: EMBEDDER_PROCESS,
      setup: setup satisfies EmbedderProcessSetup,
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
      onStopped: () => {
        if (running === started) running = undefined;
      },
    });
    // A start that failed is tried again by the next call, not remembered.
    started.catch(() => {
      if (running === started) running = undefined;
    });
    running = started;
    return started;
  };

  const { info } = await start();
  const embed = coalescedEmbedding(async (texts) => {
    if (closed) throw new Error("the embedding model was closed");
    return (await (running ?? start())).request(texts);
  });
  return {
    name: info.name,
    dimensions: info.dimensions,
    embed,
    async close() {
      closed = true;
      const last = running;
      running = undefined;
      await (await last?.catch(() => undefined))?.dispose();
    },
  };
}
