import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { Hono, type Context } from "hono";
import { jsonError } from "../errors";

/**
 * Where the browser's voice activity detection finds its files: vad-web's `baseAssetPath` and
 * `onnxWASMBasePath` are both this, as an absolute URL with its trailing slash.
 */
export const VOICE_ASSETS_ROUTE = "/voice/assets";
/** A day, then a cheap revalidation: the files change only when a package is upgraded. */
const CACHE_POLICY = "public, max-age=86400";

interface AssetSource {
  packageName: string;
  /** Inside the package folder. */
  file: string;
  contentType: string;
}

const VAD_WEB = "@ricky0123/vad-web";
const ONNX_RUNTIME_WEB = "onnxruntime-web";
const JAVASCRIPT = "text/javascript; charset=utf-8";

/**
 * Exactly the files the client's MicVAD loads, by the name it asks for: the Silero v5 model, the
 * audio worklet, and onnxruntime-web's WASM backend (its loader module and the binary it
 * instantiates). A fixed list, so no request path ever reaches the file system.
 */
const ASSETS: Readonly<Record<string, AssetSource>> = {
  "silero_vad_v5.onnx": { packageName: VAD_WEB, file: "dist/silero_vad_v5.onnx", contentType: "application/octet-stream" },
  "vad.worklet.bundle.min.js": { packageName: VAD_WEB, file: "dist/vad.worklet.bundle.min.js", contentType: JAVASCRIPT },
  "ort-wasm-simd-threaded.mjs": { packageName: ONNX_RUNTIME_WEB, file: "dist/ort-wasm-simd-threaded.mjs", contentType: JAVASCRIPT },
  "ort-wasm-simd-threaded.wasm": { packageName: ONNX_RUNTIME_WEB, file: "dist/ort-wasm-simd-threaded.wasm", contentType: "application/wasm" },
};

export const VOICE_ASSET_NAMES = Object.keys(ASSETS);

interface LocatedAsset {
  file: string;
  contentType: string;
  /** Fixed for one package version, so the version is a valid validator for every file of it. */
  etag: string;
}

/**
 * An installed package's folder and version. Found from its main entry upwards: onnxruntime-web's
 * `exports` do not include its package.json.
 */
function installedPackage(packageName: string): { dir: string; version: string } {
  let dir = path.dirname(createRequire(import.meta.url).resolve(packageName));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version: string };
      if (name === packageName) return { dir, version };
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${packageName} has no package.json above its entry`);
    dir = parent;
  }
}

/** Every asset's file and validator, or why they cannot be served (a package missing). */
function locateAssets(): Map<string, LocatedAsset> | { problem: string } {
  const located = new Map<string, LocatedAsset>();
  try {
    for (const [name, source] of Object.entries(ASSETS)) {
      const { dir, version } = installedPackage(source.packageName);
      const file = path.join(dir, source.file);
      statSync(file);
      located.set(name, { file, contentType: source.contentType, etag: `"${source.packageName}@${version}"` });
    }
  } catch (error) {
    return { problem: `the voice activity detector's files are missing (${(error as Error).message}); run npm install` };
  }
  return located;
}

/**
 * vad-web's Silero model and worklet and onnxruntime-web's WASM files, from the installed
 * packages, so hands-free listening never depends on a CDN (a LAN without internet still works).
 */
export function voiceAssetRoutes() {
  const found = locateAssets();
  const notFound = (c: Context) => jsonError(c, 404, "problem" in found ? found.problem : `no voice asset ${c.req.path}`);
  if (!(found instanceof Map)) return new Hono().all("*", notFound);
  return new Hono()
    .get("/:name", (c) => {
      const asset = found.get(c.req.param("name"));
      if (!asset) return notFound(c);
      const headers = { ETag: asset.etag, "Cache-Control": CACHE_POLICY };
      if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304, headers);
      const fileHeaders = { ...headers, "Content-Type": asset.contentType, "Content-Length": String(statSync(asset.file).size) };
      // HEAD reaches GET handlers too: open no file whose stream nobody reads.
      if (c.req.method === "HEAD") return c.body(null, 200, fileHeaders);
      return c.body(Readable.toWeb(createReadStream(asset.file)) as ReadableStream<Uint8Array>, 200, fileHeaders);
    })
    .all("*", notFound);
}
