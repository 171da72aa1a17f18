import path from "node:path";
import { AutoTokenizer, StyleTextToSpeech2Model } from "@huggingface/transformers";
import { KokoroTTS } from "kokoro-js";
import { loadTransformersModel, modelFilesPresent, type ModelProgressEvent } from "../../../models";
import { kokoroModelFiles, type KokoroModelOptions } from "./kokoroModelFiles";

export interface LoadKokoroOptions extends KokoroModelOptions {
  onProgress?: (event: ModelProgressEvent) => void;
  /** False: only a model already in the data folder (or a model directory) is used. */
  allowDownload?: boolean;
}

/**
 * Loads Kokoro on the CPU through transformers.js, downloading it into `<dataDir>/models` on first
 * use. The model and tokenizer are loaded here rather than by KokoroTTS.from_pretrained, which
 * passes on no cache folder or offline flag: transformers' global `env` would then have to be set,
 * and other models loading in the same thread (memory, speech recognition) would change it under
 * this load.
 */
export async function loadKokoro({ model, dtype, dataDir, onProgress, allowDownload = true }: LoadKokoroOptions): Promise<KokoroTTS> {
  const files = kokoroModelFiles(dtype);
  const cacheDir = path.join(dataDir, "models");
  const tts = await loadTransformersModel({ model, cacheDir, allowDownload, ...(onProgress ? { onProgress } : {}) }, async (options) => {
    const [weights, tokenizer] = await Promise.all([
      StyleTextToSpeech2Model.from_pretrained(model, { ...options, dtype, device: "cpu" }),
      AutoTokenizer.from_pretrained(model, options),
    ]);
    return new KokoroTTS(weights, tokenizer);
  });
  if (!modelFilesPresent(model, cacheDir, files)) {
    await tts.model.dispose();
    throw new Error(`the Kokoro model ${model} loaded without all of ${files.join(", ")}: it is incomplete`);
  }
  return tts;
}
