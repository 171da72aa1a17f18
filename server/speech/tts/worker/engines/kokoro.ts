import { env } from "@huggingface/transformers";
import type { ModelProgressEvent } from "../../../../models";
import type { KokoroDtype } from "../../kokoro";
import { createKokoroEngine } from "../../kokoro/kokoroEngine";
import type { TtsEngine } from "../../ttsEngine";
import type { WorkerEngineOptions } from "../workerProtocol";

/**
 * Kokoro in its own process. Options: model, dtype, dataDir (strings), allowDownload (boolean),
 * and modelHost: where models download from instead of the Hugging Face Hub (a mirror; the tests'
 * local server). transformers' global `env` is safe to set here: nothing else loads in this process.
 */
export async function createTtsEngine(options: WorkerEngineOptions, onProgress: (event: ModelProgressEvent) => void): Promise<TtsEngine> {
  const { model, dtype, dataDir, allowDownload = true, modelHost } = options;
  if (typeof model !== "string" || typeof dtype !== "string" || typeof dataDir !== "string" || typeof allowDownload !== "boolean") {
    throw new TypeError("the Kokoro host needs model, dtype and dataDir strings and an allowDownload boolean");
  }
  if (typeof modelHost === "string") env.remoteHost = modelHost.endsWith("/") ? modelHost : `${modelHost}/`;
  return createKokoroEngine({ model, dtype: dtype as KokoroDtype, dataDir, allowDownload }, onProgress);
}
