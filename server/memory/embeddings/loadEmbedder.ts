import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, pipeline, type FeatureExtractionPipeline } from "@huggingface/transformers";
import type { ModelProgressEvent } from "./modelProgress";

/** A loaded sentence model: texts in, unit-length vectors out. */
export interface Embedder {
  /** What its vectors are stored under: the model id, or the model directory. */
  readonly name: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<number[][]>;
  close(): Promise<void>;
}

export interface LoadEmbedderOptions {
  /** A Hugging Face model id (downloaded into `cacheDir` on first use) or an absolute model directory. */
  model: string;
  /** Where downloaded models are kept: `<data dir>/models`. */
  cacheDir: string;
  onProgress?: (event: ModelProgressEvent) => void;
  /** False: only a model already complete in `cacheDir` is used (tests, offline checks). */
  allowDownload?: boolean;
}

// pipeline()'s overloads over every task make the checker give up (TS2590); this is the one used.
const createExtractor = pipeline as unknown as (task: "feature-extraction", model: string, options: object) => Promise<FeatureExtractionPipeline>;

// Written once a downloaded model has loaded: a folder without it is an interrupted download.
// transformers.js writes each file in place and would take a half-written file as complete.
const COMPLETE_MARKER = ".kindred-complete";

export function isModelDirectory(model: string): boolean {
  return path.isAbsolute(model);
}

/**
 * Loads a sentence-transformer through transformers.js (`feature-extraction`, mean pooling,
 * normalised): q8 weights (onnx/model_quantized.onnx), a quarter of fp32's download and faster on
 * CPU. A local directory is only read, never completed from the network.
 */
export async function loadEmbedder({ model, cacheDir, onProgress, allowDownload = true }: LoadEmbedderOptions): Promise<Embedder> {
  const local = isModelDirectory(model);
  if (local && !existsSync(path.join(model, "config.json"))) throw new Error(`${model} has no config.json: not a model directory`);
  const downloaded = path.join(cacheDir, model);
  if (!local && existsSync(downloaded) && !existsSync(path.join(downloaded, COMPLETE_MARKER))) {
    rmSync(downloaded, { recursive: true, force: true });
  }
  env.cacheDir = cacheDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = !local && allowDownload;
  const extractor = await createExtractor("feature-extraction", model, {
    dtype: "q8",
    // One thread: embedding is background work, and the replies need the other cores (two here).
    session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
    ...(onProgress ? { progress_callback: (event: ModelProgressEvent) => onProgress(event) } : {}),
  });
  const embed = async (texts: readonly string[]) => {
    const output = await extractor([...texts], { pooling: "mean", normalize: true });
    return output.tolist() as number[][];
  };
  const [probe] = await embed(["dimension probe"]);
  if (!local && existsSync(downloaded)) writeFileSync(path.join(downloaded, COMPLETE_MARKER), new Date().toISOString());
  return { name: model, dimensions: probe!.length, embed, close: () => extractor.dispose() };
}
