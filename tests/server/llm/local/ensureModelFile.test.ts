import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureModelFile, LocalModelHost, resolveModelSource, type DownloadProgress, type ModelSource } from "../../../../server/llm/local";
import { writeTinyGguf } from "../../../support/tinyGguf";

/**
 * Downloads come from a file server on 127.0.0.1 that the test starts (byte ranges, like Hugging
 * Face's CDN): the real downloader runs, and nothing leaves the machine.
 */
let dir: string;
let model: Buffer;
let server: http.Server;
let baseUrl: string;
let requests = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kindred-model-file-"));
  model = readFileSync(writeTinyGguf(path.join(dir, "source.gguf")));
  server = http.createServer((req, res) => {
    requests++;
    if (req.url === "/hang/tiny.gguf") return; // a server that takes the connection and never answers
    if (!req.url?.startsWith("/models/tiny.gguf")) return void res.writeHead(404).end();
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Number(range[2]) : model.length - 1;
    const headers = { "accept-ranges": "bytes", "content-type": "application/octet-stream", "content-length": String(end - start + 1) };
    if (range) res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${model.length}` });
    else res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : model.subarray(start, end + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  requests = 0;
});

function downloadSource(modelsDir: string, extra: { sizeBytes?: number; sha256?: string } = {}): ModelSource {
  const fileName = "tiny.gguf";
  return { kind: "download", path: path.join(modelsDir, fileName), model: { url: `${baseUrl}/models/tiny.gguf`, fileName, ...extra } };
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("ensureModelFile", () => {
  it("downloads a missing model into the models folder, reporting progress up to the whole file", async () => {
    const modelsDir = path.join(dir, "fresh");
    const progress: DownloadProgress[] = [];
    const file = await ensureModelFile(downloadSource(modelsDir, { sizeBytes: model.length, sha256: sha256(model) }), { onProgress: (p) => progress.push(p) });
    expect(file).toBe(path.join(modelsDir, "tiny.gguf"));
    expect(readFileSync(file).equals(model)).toBe(true);
    expect(progress.at(-1)).toEqual({ downloadedBytes: model.length, totalBytes: model.length });
    expect(existsSync(`${file}.ipull`)).toBe(false);
  });

  it("uses a complete download again without asking the network", async () => {
    const modelsDir = path.join(dir, "again");
    const source = downloadSource(modelsDir, { sizeBytes: model.length });
    await ensureModelFile(source);
    requests = 0;
    expect(await ensureModelFile(source)).toBe(source.path);
    expect(requests).toBe(0);
  });

  it("deletes a download whose hash is wrong and says so", async () => {
    const modelsDir = path.join(dir, "bad-hash");
    const source = downloadSource(modelsDir, { sizeBytes: model.length, sha256: "0".repeat(64) });
    await expect(ensureModelFile(source)).rejects.toThrow(/sha256 .* expected 0{64}; it was deleted/);
    expect(existsSync(source.path)).toBe(false);
  });

  it("deletes a download whose size is not the expected one", async () => {
    const modelsDir = path.join(dir, "bad-size");
    const source = downloadSource(modelsDir, { sizeBytes: model.length + 1 });
    await expect(ensureModelFile(source)).rejects.toThrow(new RegExp(`has ${model.length} bytes, expected ${model.length + 1}`));
    expect(existsSync(source.path)).toBe(false);
  });

  it("fetches the file again when the one on disk has the wrong size", async () => {
    const modelsDir = path.join(dir, "truncated");
    const source = downloadSource(modelsDir, { sizeBytes: model.length });
    await ensureModelFile(source);
    writeFileSync(source.path, model.subarray(0, 1000));
    await ensureModelFile(source);
    expect(readFileSync(source.path).equals(model)).toBe(true);
  });

  it("stops waiting when aborted, even while the server does not answer, and leaves no file", async () => {
    const modelsDir = path.join(dir, "hang");
    const source: ModelSource = { kind: "download", path: path.join(modelsDir, "tiny.gguf"), model: { url: `${baseUrl}/hang/tiny.gguf`, fileName: "tiny.gguf" } };
    const controller = new AbortController();
    const waiting = ensureModelFile(source, { signal: controller.signal });
    while (requests === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(waiting).rejects.toThrow("the model download was stopped; it continues on the next start");
    expect(existsSync(source.path)).toBe(false);
  });

  it("uses a configured file as it is, and refuses a missing or empty one with its path", async () => {
    const file = path.join(dir, "source.gguf");
    expect(await ensureModelFile({ kind: "file", path: file })).toBe(file);
    const missing = path.join(dir, "nope.gguf");
    await expect(ensureModelFile({ kind: "file", path: missing })).rejects.toThrow(`the model file ${missing} does not exist`);
    const empty = path.join(dir, "empty.gguf");
    writeFileSync(empty, "");
    await expect(ensureModelFile({ kind: "file", path: empty })).rejects.toThrow(`the model file ${empty} is empty`);
  });
});

describe("LocalModelHost started in the background", () => {
  it("downloads, loads and logs each step on the way to ready", async () => {
    const host = new LocalModelHost({ source: downloadSource(path.join(dir, "hosted"), { sizeBytes: model.length }), maxThreads: 1 });
    const logs: string[] = [];
    try {
      host.startInBackground((level, message) => logs.push(`${level} ${message}`));
      await host.start();
      expect(logs[0]).toMatch(/^info local model: downloading 0%/);
      expect(logs.slice(-2)).toEqual(["info local model: loading into memory", "info local model: ready"]);
      expect(host.status.current).toEqual({ state: "ready", progress: 1 });
    } finally {
      await host.dispose();
    }
  });

  it("logs a failure as a warning with its reason, and never throws", async () => {
    const host = new LocalModelHost({ source: { kind: "file", path: path.join(dir, "absent.gguf") } });
    const logs: string[] = [];
    host.startInBackground((level, message) => logs.push(`${level} ${message}`));
    await host.start().catch(() => undefined);
    expect(logs).toEqual([`warn local model: failed: the model file ${path.join(dir, "absent.gguf")} does not exist (KINDRED_LOCAL_MODEL)`]);
  });
});

describe("resolveModelSource", () => {
  const modelsDir = "/data/models";

  it("default: the default model's file in the models folder, with its size and hash", () => {
    const source = resolveModelSource("default", modelsDir);
    expect(source).toMatchObject({ kind: "download", path: "/data/models/qwen2.5-1.5b-instruct-q4_k_m.gguf" });
    expect(source.kind === "download" && source.model).toMatchObject({ sizeBytes: 1_117_320_736, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("a URL downloads into the models folder under the URL's file name", () => {
    expect(resolveModelSource("https://example.org/m/Llama-3.2-1B-Instruct-Q4_K_M.gguf?download=true", modelsDir)).toEqual({
      kind: "download",
      path: "/data/models/Llama-3.2-1B-Instruct-Q4_K_M.gguf",
      model: { url: "https://example.org/m/Llama-3.2-1B-Instruct-Q4_K_M.gguf?download=true", fileName: "Llama-3.2-1B-Instruct-Q4_K_M.gguf" },
    });
    expect(resolveModelSource("https://example.org/", modelsDir)).toMatchObject({ path: "/data/models/model.gguf" });
  });

  it("anything else is a file path, relative to the working directory", () => {
    expect(resolveModelSource("/models/a.gguf", modelsDir)).toEqual({ kind: "file", path: "/models/a.gguf" });
    expect(resolveModelSource("models/a.gguf", modelsDir, "/srv/kindred")).toEqual({ kind: "file", path: "/srv/kindred/models/a.gguf" });
  });
});
