import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Written once a downloaded model has loaded; lists each file with its size. transformers.js writes
// each file in place, so a file the marker does not vouch for is an interrupted download.
const COMPLETE_MARKER = ".kindred-complete";

interface MarkerContent {
  /** Relative path (with "/") → size in bytes. */
  files: Record<string, number>;
}

/** An absolute path is a model directory that is only read; anything else is a Hugging Face model id. */
export function isModelDirectory(model: string): boolean {
  return path.isAbsolute(model);
}

/** Where a model id's download lives: transformers.js lays it out as <cacheDir>/<owner>/<name>/…. */
export function modelFolder(model: string, cacheDir: string): string {
  return isModelDirectory(model) ? model : path.join(cacheDir, model);
}

function readMarker(folder: string): MarkerContent | "legacy" | undefined {
  const file = path.join(folder, COMPLETE_MARKER);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<MarkerContent>;
    return parsed.files && typeof parsed.files === "object" ? { files: parsed.files } : "legacy";
  } catch {
    // Markers written before file lists (a date) vouch for the whole folder.
    return "legacy";
  }
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => file !== COMPLETE_MARKER);
}

/**
 * Keeps only what a completed download vouches for: a folder with no marker, or with a listed file
 * missing or of another size, is deleted whole; unlisted files (a fetch cut short) are deleted.
 * What is deleted is downloaded again.
 */
export function discardUnfinishedDownload(folder: string): void {
  if (!existsSync(folder)) return;
  const marker = readMarker(folder);
  if (marker === "legacy") return;
  const listed = marker?.files ?? {};
  const intact = marker !== undefined && Object.entries(listed).every(([file, size]) => sizeOf(path.join(folder, file)) === size);
  if (!intact) {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  for (const file of filesIn(folder)) if (!(file in listed)) rmSync(path.join(folder, file), { force: true });
}

/** Records `files` (relative paths) as complete, with the files an earlier load recorded. */
export function markDownloadComplete(folder: string, files: Iterable<string>): void {
  const previous = readMarker(folder);
  const listed: Record<string, number> = previous && previous !== "legacy" ? { ...previous.files } : {};
  for (const file of files) {
    const size = sizeOf(path.join(folder, file));
    if (size === undefined) throw new Error(`${path.join(folder, file)} is missing after the download`);
    listed[file] = size;
  }
  writeFileSync(path.join(folder, COMPLETE_MARKER), JSON.stringify({ files: listed } satisfies MarkerContent));
}

/**
 * Whether every one of `files` is there to load without the network: in a model directory, that
 * they exist; in the download cache, that a completed download vouches for them.
 */
export function modelFilesPresent(model: string, cacheDir: string, files: readonly string[]): boolean {
  const folder = modelFolder(model, cacheDir);
  if (isModelDirectory(model)) return files.every((file) => existsSync(path.join(folder, file)));
  const marker = readMarker(folder);
  if (marker === undefined) return false;
  if (marker === "legacy") return files.every((file) => existsSync(path.join(folder, file)));
  return files.every((file) => marker.files[file] !== undefined && sizeOf(path.join(folder, file)) === marker.files[file]);
}
