import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOICE_ASSET_NAMES } from "../../../../server/http/routes/voiceAssets";
import { httpAppHarness } from "../httpAppHarness";

const vadWebDir = path.resolve("node_modules/@ricky0123/vad-web");
const ortWebDir = path.resolve("node_modules/onnxruntime-web");
const versionOf = (dir: string) => (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe("voice activity detection files at /voice/assets/", () => {
  const harness = httpAppHarness();
  let server: http.Server;

  // Over real HTTP so request paths reach the app byte for byte (fetch would normalise `..`).
  beforeAll(async () => {
    server = http.createServer(getRequestListener(harness.app.fetch));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function request(rawPath: string, options: { method?: string; headers?: http.OutgoingHttpHeaders } = {}): Promise<Answer> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const outgoing = http.request({ host: "127.0.0.1", port, path: rawPath, ...options }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
  }

  it.each([
    ["silero_vad_v5.onnx", path.join(vadWebDir, "dist/silero_vad_v5.onnx"), "application/octet-stream", `"@ricky0123/vad-web@${versionOf(vadWebDir)}"`],
    ["vad.worklet.bundle.min.js", path.join(vadWebDir, "dist/vad.worklet.bundle.min.js"), "text/javascript; charset=utf-8", `"@ricky0123/vad-web@${versionOf(vadWebDir)}"`],
    ["ort-wasm-simd-threaded.mjs", path.join(ortWebDir, "dist/ort-wasm-simd-threaded.mjs"), "text/javascript; charset=utf-8", `"onnxruntime-web@${versionOf(ortWebDir)}"`],
    ["ort-wasm-simd-threaded.wasm", path.join(ortWebDir, "dist/ort-wasm-simd-threaded.wasm"), "application/wasm", `"onnxruntime-web@${versionOf(ortWebDir)}"`],
  ])("serves %s from its package with its type and caching headers", async (name, file, contentType, etag) => {
    const answer = await request(`/voice/assets/${name}`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(contentType);
    expect(answer.headers["cache-control"]).toBe("public, max-age=86400");
    expect(answer.headers.etag).toBe(etag);
    expect(answer.body.equals(readFileSync(file))).toBe(true);
  });

  it("serves exactly the files the client's detector asks for", () => {
    expect([...VOICE_ASSET_NAMES].sort()).toEqual(["ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm", "silero_vad_v5.onnx", "vad.worklet.bundle.min.js"]);
  });

  it("answers a revalidation with 304 and no body, and a stale validator with the file", async () => {
    const { headers } = await request("/voice/assets/silero_vad_v5.onnx");
    const again = await request("/voice/assets/silero_vad_v5.onnx", { headers: { "if-none-match": headers.etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["cache-control"]).toBe("public, max-age=86400");
    const stale = await request("/voice/assets/silero_vad_v5.onnx", { headers: { "if-none-match": '"@ricky0123/vad-web@0.0.1"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBeGreaterThan(0);
  });

  it("answers HEAD with the headers and no body", async () => {
    const answer = await request("/voice/assets/ort-wasm-simd-threaded.wasm", { method: "HEAD" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/wasm");
    expect(Number(answer.headers["content-length"])).toBe(readFileSync(path.join(ortWebDir, "dist/ort-wasm-simd-threaded.wasm")).length);
    expect(answer.body.length).toBe(0);
  });

  it.each(["silero_vad_legacy.onnx", "ort-wasm-simd-threaded.jsep.wasm", "package.json", "index.js", "", "nested/silero_vad_v5.onnx"])(
    "answers 404 with a JSON error for the file %j that is not on the list",
    async (name) => {
      const answer = await request(`/voice/assets/${name}`);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body.toString())).toEqual({ error: expect.stringMatching(/^no voice asset \/voice\/assets\//) });
    },
  );

  it.each([
    "/voice/assets/../package.json",
    "/voice/assets/..%2f..%2fpackage.json",
    "/voice/assets/%2e%2e/%2e%2e/package.json",
    "/voice/assets/..%5c..%5cpackage.json",
    "/voice/assets//etc/passwd",
    "/voice/assets/..%2fdist%2fsilero_vad_v5.onnx",
  ])("refuses the path traversal %s", async (rawPath) => {
    const answer = await request(rawPath);
    // `..` resolved by the URL parser lands outside the route: the client's 404 answers it.
    expect([400, 404]).toContain(answer.status);
    const body = answer.body.toString();
    expect(body).not.toContain('"name":');
    expect(body).not.toContain("root:");
  });
});
