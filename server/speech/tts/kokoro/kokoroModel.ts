import path from "node:path";
import { AutoTokenizer, StyleTextToSpeech2Model } from "@huggingface/transformers";
import { KokoroTTS } from "kokoro-js";
import { loadTransformersModel, modelFilesPresent, type ModelProgressEvent } from "../../../models";

/** The weights kokoro-js can load, and the file each is in (transformers.js' dtype suffixes). */
const MODEL_FILES = {
  fp32: "onnx/model.onnx",
  fp16: "onnx/model_fp16.onnx",
  q8: "onnx/model_quantized.onnx",
  q4: "onnx/model_q4.onnx",
  q4f16: "onnx/model_q4f16.onnx",
} as const;

export type KokoroDtype = keyof typeof MODEL_FILES;

/** Where the Kokoro model comes from: plain values, so a worker thread can be given them. */
export interface KokoroModelOptions {
  /** A Hugging Face model id (downloaded into `<dataDir>/models`) or an absolute model directory. */
  model: string;
  dtype: KokoroDtype;
  dataDir: string;
}

export interface LoadKokoroOptions extends KokoroModelOptions {
  onProgress?: (event: ModelProgressEvent) => void;
  /** False: only a model already in the data folder (or a model directory) is used. */
  allowDownload?: boolean;
}

/** The files a loaded Kokoro needs; the voices ship inside kokoro-js. */
export function kokoroModelFiles(dtype: KokoroDtype): string[] {
  const weights = MODEL_FILES[dtype];
  if (!weights) throw new Error(`unknown Kokoro dtype "${String(dtype)}": use one of ${Object.keys(MODEL_FILES).join(", ")}`);
  return ["config.json", "tokenizer.json", "tokenizer_config.json", weights];
}

/** Whether the model is in the data folder (or its directory) complete, so it loads without the network. */
export function kokoroModelPresent({ model, dtype, dataDir }: KokoroModelOptions): boolean {
  return modelFilesPresent(model, path.join(dataDir, "models"), kokoroModelFiles(dtype));
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
