import path from "node:path";
import { modelFilesPresent } from "../../../models";

// Nothing here imports kokoro-js: the server process asks whether the model is present, and
// kokoro-js' phonemizer (an emscripten build) installs process-wide handlers that rethrow every
// unhandled rejection. Only the Kokoro child process loads the engine.

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
