import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LOCAL_MODEL, type DownloadableModel } from "./defaultModel";

/**
 * Where the embedded model comes from: a file that must already be there, or a download into the
 * models folder (kept there, so only the first start downloads).
 */
export type ModelSource =
  | { kind: "file"; path: string }
  | { kind: "download"; path: string; model: DownloadableModel };

/**
 * `setting` is "default", an http(s) URL of a .gguf file, or a path (relative to `cwd`).
 * "none" is the caller's business: it means no embedded model at all.
 */
export function resolveModelSource(setting: string, modelsDir: string, cwd = process.cwd()): ModelSource {
  if (setting === "default") return download(DEFAULT_LOCAL_MODEL, modelsDir);
  if (/^https?:\/\//i.test(setting)) return download({ url: setting, fileName: fileNameOf(setting) }, modelsDir);
  return { kind: "file", path: path.resolve(cwd, setting) };
}

/** Present: usable without a download. Downloadable sources always count as available. */
export function isPresent(source: ModelSource): boolean {
  return existsSync(source.path);
}

export function describeSource(source: ModelSource): string {
  return source.kind === "file" ? source.path : `${source.model.fileName} (from ${source.model.url})`;
}

function download(model: DownloadableModel, modelsDir: string): ModelSource {
  return { kind: "download", path: path.join(modelsDir, model.fileName), model };
}

/** The last path segment of the URL, made safe as a file name. */
function fileNameOf(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).pop() ?? "");
  const safe = last.replace(/[^\w.+-]/g, "_");
  if (safe === "" || safe.startsWith(".")) return "model.gguf";
  return safe.toLowerCase().endsWith(".gguf") ? safe : `${safe}.gguf`;
}
