import { createHash } from "node:crypto";
import { createReadStream, mkdirSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { HNSW_SETTINGS, USEARCH_VERSION } from "./hnswSettings";
import type { HnswThread, RemoteGraph } from "./hnswThread";

/** Which companion and model one index file set belongs to. */
export interface IndexIdentity {
  modelId: number;
  dimensions: number;
  companionId: string;
}

/** What `<companion>.json` says about the graph and key files beside it. */
interface IndexFileMeta extends IndexIdentity {
  format: typeof FORMAT;
  usearch: string;
  settings: typeof HNSW_SETTINGS;
  size: number;
  indexSha256: string;
  keysSha256: string;
  vectorsSha256: string;
}

/** 2: the exact vectors beside the graph. */
const FORMAT = 2;

export type LoadedIndex = { graph: RemoteGraph; keys: BigUint64Array } | { problem: string };

/** Where the index thread writes or reads a graph and the exact vectors beside it. */
export interface GraphFiles {
  graph: string;
  vectors: string;
}

/** One folder per model: a model change means other vectors, so another set of indexes. */
export function indexPaths(dir: string, identity: IndexIdentity) {
  const base = path.join(dir, `model-${identity.modelId}`, identity.companionId);
  return { graph: `${base}.usearch`, vectors: `${base}.vectors`, keys: `${base}.keys`, meta: `${base}.json` };
}

/**
 * Writes the graph, its exact vectors, its keys (usearch cannot list them) and their checksums.
 * Each file is written beside its place, then renamed over it; the checksums go last, so a crash
 * midway leaves files whose checksums disagree: the next start rebuilds instead of loading them.
 * `writeGraph` must write the graph and vectors as they were when `keys` was taken (the index
 * thread runs calls in order, so a save asked for before any later change holds exactly `keys`).
 */
export async function saveIndexFiles(dir: string, identity: IndexIdentity, writeGraph: (files: GraphFiles) => void | Promise<void>, keys: BigUint64Array): Promise<void> {
  const paths = indexPaths(dir, identity);
  mkdirSync(path.dirname(paths.graph), { recursive: true });
  const keyBytes = Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
  await writeGraph({ graph: `${paths.graph}.partial`, vectors: `${paths.vectors}.partial` });
  await writeFile(`${paths.keys}.partial`, keyBytes);
  const meta: IndexFileMeta = {
    ...identity,
    format: FORMAT,
    usearch: USEARCH_VERSION,
    settings: HNSW_SETTINGS,
    size: keys.length,
    indexSha256: await fileSha256(`${paths.graph}.partial`),
    keysSha256: createHash("sha256").update(keyBytes).digest("hex"),
    vectorsSha256: await fileSha256(`${paths.vectors}.partial`),
  };
  await rename(`${paths.graph}.partial`, paths.graph);
  await rename(`${paths.vectors}.partial`, paths.vectors);
  await rename(`${paths.keys}.partial`, paths.keys);
  await writeFile(`${paths.meta}.partial`, JSON.stringify(meta));
  await rename(`${paths.meta}.partial`, paths.meta);
}

/**
 * Loads a saved index onto the index thread, or says why it cannot be used. usearch aborts the
 * whole process on some damaged files (it cannot report them), so nothing reaches it unless its
 * checksum matches the one written with it and it was written by this usearch version with these
 * settings.
 */
export async function loadIndexFiles(dir: string, identity: IndexIdentity, thread: HnswThread): Promise<LoadedIndex> {
  const paths = indexPaths(dir, identity);
  let meta: IndexFileMeta;
  try {
    meta = JSON.parse(await readFile(paths.meta, "utf8")) as IndexFileMeta;
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : `unreadable description (${(error as Error).message})` };
  }
  const expected = { format: FORMAT, usearch: USEARCH_VERSION, settings: JSON.stringify(HNSW_SETTINGS), ...identity };
  const found = { format: meta.format, usearch: meta.usearch, settings: JSON.stringify(meta.settings), modelId: meta.modelId, dimensions: meta.dimensions, companionId: meta.companionId };
  if (JSON.stringify(found) !== JSON.stringify(expected)) return { problem: `written for ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}` };
  try {
    const keyBytes = await readFile(paths.keys);
    if (createHash("sha256").update(keyBytes).digest("hex") !== meta.keysSha256) return { problem: "the keys file is damaged (checksum)" };
    if ((await fileSha256(paths.graph)) !== meta.indexSha256) return { problem: "the graph file is damaged (checksum)" };
    if ((await fileSha256(paths.vectors)) !== meta.vectorsSha256) return { problem: "the vectors file is damaged (checksum)" };
    const keys = new BigUint64Array(keyBytes.buffer.slice(keyBytes.byteOffset, keyBytes.byteOffset + keyBytes.byteLength));
    const loaded = await thread.load(paths, identity.dimensions);
    if (loaded.size !== keys.length || loaded.dimensions !== identity.dimensions) {
      loaded.graph.release();
      return { problem: `the graph holds ${loaded.size} vectors of ${loaded.dimensions} dimensions, its keys ${keys.length}` };
    }
    return { graph: loaded.graph, keys };
  } catch (error) {
    return { problem: `unreadable (${(error as Error).message})` };
  }
}

export async function removeIndexFiles(dir: string, identity: IndexIdentity): Promise<void> {
  const paths = indexPaths(dir, identity);
  await Promise.all([paths.meta, paths.graph, paths.vectors, paths.keys].map((file) => rm(file, { force: true })));
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
