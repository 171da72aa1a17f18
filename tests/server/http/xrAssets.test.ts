import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpAppHarness } from "./httpAppHarness";

const packageDir = path.resolve("node_modules/@webxr-input-profiles/assets");
const profilesDir = path.join(packageDir, "dist", "profiles");
const version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

describe("WebXR input profiles at /xr/input-profiles/", () => {
  const harness = httpAppHarness();
  let server: http.Server;
  let port: number;

  // Over real HTTP, so request paths reach the app byte for byte (fetch would normalise `..`).
  beforeAll(async () => {
    server = http.createServer(getRequestListener(harness.app.fetch));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(rawPath: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, path: rawPath, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on("error", reject);
      request.end();
    });
  }

  it("serves the package's profilesList.json, which @pmndrs/xr reads first", async () => {
    const answer = await get("/xr/input-profiles/profilesList.json");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    const list = JSON.parse(answer.body.toString()) as Record<string, { path: string }>;
    expect(list).toEqual(JSON.parse(readFileSync(path.join(profilesDir, "profilesList.json"), "utf8")));
    expect(list["meta-quest-touch-plus"]?.path).toBe("meta-quest-touch-plus/profile.json");
  });

  it("serves a profile and its controller model with caching headers", async () => {
    const profile = await get("/xr/input-profiles/meta-quest-touch-plus/profile.json");
    expect(profile.status).toBe(200);
    expect(JSON.parse(profile.body.toString())).toMatchObject({ profileId: "meta-quest-touch-plus" });

    const model = await get("/xr/input-profiles/meta-quest-touch-plus/left.glb");
    expect(model.status).toBe(200);
    expect(model.headers["content-type"]).toBe("model/gltf-binary");
    expect(model.body.equals(readFileSync(path.join(profilesDir, "meta-quest-touch-plus", "left.glb")))).toBe(true);
    expect(model.body.subarray(0, 4).toString()).toBe("glTF");
    expect(model.headers["cache-control"]).toBe("public, max-age=86400");
    expect(model.headers.etag).toBe(`"@webxr-input-profiles/assets@${version}"`);
  });

  it("answers a revalidation with 304 and no body", async () => {
    const { headers } = await get("/xr/input-profiles/generic-hand/left.glb");
    const again = await get("/xr/input-profiles/generic-hand/left.glb", { "if-none-match": headers.etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get("/xr/input-profiles/generic-hand/left.glb", { "if-none-match": '"something else"' })).status).toBe(200);
  });

  it("answers 404 with a JSON error for a profile that does not exist", async () => {
    const answer = await get("/xr/input-profiles/no-such-controller/profile.json");
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body.toString())).toEqual({ error: expect.stringMatching(/no WebXR input profile file/) });
  });

  it.each([
    "/xr/input-profiles/../package.json",
    "/xr/input-profiles/../../package.json",
    "/xr/input-profiles/..%2f..%2fpackage.json",
    "/xr/input-profiles/%2e%2e/%2e%2e/package.json",
    "/xr/input-profiles/..\\..\\package.json",
    "/xr/input-profiles/..%5c..%5cpackage.json",
    "/xr/input-profiles//etc/passwd",
    "/xr/input-profiles/../../../../../package.json",
  ])("refuses the path traversal %s", async (rawPath) => {
    const answer = await get(rawPath);
    // 400 where Node's or Hono's URL handling rejects the path before any file lookup.
    expect([400, 404]).toContain(answer.status);
    const body = answer.body.toString();
    expect(body).not.toContain('"name": "@webxr-input-profiles/assets"');
    expect(body).not.toContain('"name": "kindred"');
    expect(body).not.toContain("root:");
  });
});
