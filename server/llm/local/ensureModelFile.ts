import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createModelDownloader } from "node-llama-cpp";
import type { ModelSource } from "./modelSource";

export interface DownloadProgress {
  downloadedBytes: number;
  totalBytes: number;
}

export interface EnsureModelFileOptions {
  /** Called as bytes arrive (and once with the final count). */
  onProgress?: (progress: DownloadProgress) => void;
  /** node-llama-cpp's own progress bar on the terminal. */
  showCliProgress?: boolean;
  /** Stops the download; what arrived stays in `<file>.ipull` and the next start continues from it. */
  signal?: AbortSignal;
}

/** The model file is missing, incomplete or not what it should be; the message says what to do. */
export class ModelFileError extends Error {
  override name = "ModelFileError";
}

/**
 * The path of a usable model file: a configured file as it is, or the download, fetched when it is
 * not complete yet. A downloaded file is checked against its expected size (and hash, right after
 * the download) before it is used; a wrong one is deleted so the next start fetches it again.
 */
export async function ensureModelFile(source: ModelSource, options: EnsureModelFileOptions = {}): Promise<string> {
  if (source.kind === "file") {
    const size = await fileSize(source.path);
    if (size === undefined) throw new ModelFileError(`the model file ${source.path} does not exist (KINDRED_LOCAL_MODEL)`);
    if (size === 0) throw new ModelFileError(`the model file ${source.path} is empty`);
    return source.path;
  }
  if (await isCompleteDownload(source.path, source.model.sizeBytes)) return source.path;
  // Looking up the file on the server cannot be cancelled; the caller stops waiting at once anyway
  // (a server shutting down must not hang on a slow network), and no download starts after it.
  return untilAborted(download(source, options), options.signal);
}

async function download(source: Extract<ModelSource, { kind: "download" }>, options: EnsureModelFileOptions): Promise<string> {
  const { model } = source;
  const downloader = await createModelDownloader({
    modelUri: model.url,
    dirPath: path.dirname(source.path),
    fileName: path.basename(source.path),
    showCliProgress: options.showCliProgress ?? false,
    // Keep the partial file on cancel: a restart resumes instead of starting over.
    deleteTempFileOnCancel: false,
    skipExisting: true,
    onProgress: ({ downloadedSize, totalSize }) => options.onProgress?.({ downloadedBytes: downloadedSize, totalBytes: totalSize }),
  });
  const downloaded = await downloader.download({ signal: options.signal });
  const size = (await fileSize(downloaded)) ?? 0;
  const expected = model.sizeBytes ?? downloader.totalSize;
  if (expected > 0 && size !== expected) {
    await rm(downloaded, { force: true });
    throw new ModelFileError(`the download of ${model.url} has ${size} bytes, expected ${expected}; it was deleted and will be fetched again on the next start`);
  }
  if (model.sha256 !== undefined) {
    const actual = await sha256Of(downloaded);
    if (actual !== model.sha256) {
      await rm(downloaded, { force: true });
      throw new ModelFileError(`the download of ${model.url} has sha256 ${actual}, expected ${model.sha256}; it was deleted`);
    }
  }
  options.onProgress?.({ downloadedBytes: size, totalBytes: size });
  return downloaded;
}

/**
 * The downloader writes into `<file>.ipull` and renames it when done, so a file without that
 * companion is complete; a known size must match too. Needs no network, so restarts work offline.
 */
async function isCompleteDownload(file: string, expectedBytes: number | undefined): Promise<boolean> {
  const size = await fileSize(file);
  if (size === undefined || size === 0) return false;
  if (expectedBytes !== undefined) return size === expectedBytes;
  return (await fileSize(`${file}.ipull`)) === undefined;
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ModelFileError("the model download was stopped; it continues on the next start"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function fileSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}
