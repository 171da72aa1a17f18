import { existsSync } from "node:fs";
import path from "node:path";
import { discardUnfinishedDownload, isModelDirectory, markDownloadComplete, modelFolder } from "./modelCache";
import type { ModelProgressEvent } from "./modelProgress";

export interface TransformersModelOptions {
  /** A Hugging Face model id (downloaded into `cacheDir` on first use) or an absolute model directory. */
  model: string;
  /** Where downloaded models are kept: `<data dir>/models`. */
  cacheDir: string;
  onProgress?: (event: ModelProgressEvent) => void;
  /** False: only a model already complete in `cacheDir` is used (tests, offline checks). */
  allowDownload?: boolean;
}

/** What transformers.js' from_pretrained calls take so that they read from (and download into) the cache. */
export interface TransformersLoadOptions {
  cache_dir: string;
  local_files_only: boolean;
  progress_callback: (event: ModelProgressEvent) => void;
}

/**
 * Loads a model through transformers.js: `load` calls from_pretrained with the options it is given.
 * The options go to each call instead of transformers' global `env`, so loads running at once
 * (memory, voice, speech recognition) cannot change each other's settings. A model directory is
 * only read, never completed from the network; a download is checked and marked complete once
 * `load` (which may also run the model once) succeeds.
 */
export async function loadTransformersModel<T>(
  { model, cacheDir, onProgress, allowDownload = true }: TransformersModelOptions,
  load: (options: TransformersLoadOptions) => Promise<T>,
): Promise<T> {
  const local = isModelDirectory(model);
  const folder = modelFolder(model, cacheDir);
  if (local && !existsSync(model)) throw new Error(`model directory ${model} does not exist`);
  if (local && !existsSync(path.join(model, "config.json"))) throw new Error(`${model} has no config.json: not a model directory`);
  if (!local) discardUnfinishedDownload(folder);

  const fetched = new Set<string>();
  // transformers.js reports "download" and "progress" for files it reads from disk too; only a
  // file not yet on disk when its "download" starts is passed on as a download.
  const readFromDisk = new Set<string>();
  const progress_callback = (event: ModelProgressEvent) => {
    const file = event.file ?? "";
    if (event.status === "download" && existsSync(path.join(folder, file))) readFromDisk.add(file);
    if (event.status === "done" && file) fetched.add(file);
    if ((event.status === "download" || event.status === "progress") && readFromDisk.has(file)) return;
    onProgress?.(event);
  };
  const downloading = !local && allowDownload;
  let loaded: T;
  try {
    loaded = await load({ cache_dir: cacheDir, local_files_only: !downloading, progress_callback });
  } catch (error) {
    const message = (error as Error).message;
    if (downloading) throw new Error(`could not fetch the model ${model} into ${folder}: ${message}`, { cause: error });
    throw new Error(`could not load the model ${model} from ${folder}: ${message}`, { cause: error });
  }
  if (!local) markDownloadComplete(folder, fetched);
  return loaded;
}
