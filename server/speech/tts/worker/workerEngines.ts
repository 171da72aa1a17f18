import type { ModelProgressEvent } from "../../../models";
import type { Isolation } from "./engineHost";
import { WorkerTtsEngine } from "./workerTtsEngine";
import type { WorkerEngineOptions } from "./workerProtocol";

/** The module that makes each engine inside its host, and where it runs. */
const ENGINES = {
  formant: { module: new URL("./engines/formant.ts", import.meta.url).href, isolation: "thread" },
  // onnxruntime-node may not live in a thread that can end (engineHost).
  kokoro: { module: new URL("./engines/kokoro.ts", import.meta.url).href, isolation: "process" },
} as const satisfies Record<string, { module: string; isolation: Isolation }>;

/** An engine by name, running off the event loop. */
export function workerEngine(
  name: keyof typeof ENGINES,
  options: WorkerEngineOptions = {},
  onProgress?: (event: ModelProgressEvent) => void,
): WorkerTtsEngine {
  const { module, isolation } = ENGINES[name];
  return new WorkerTtsEngine({ name, engineModule: module, isolation, options, ...(onProgress ? { onProgress } : {}) });
}
