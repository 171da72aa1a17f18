import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import type { Color, Material, Mesh } from "three";
import { applyTints, loadAvatar } from "../../../client/avatar";
import { tintKeyOf } from "../../../client/avatar/loading/tints";

let server: Server;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "";
    requests.push(url);
    const preset = /^\/avatars\/presets\/([a-z]+)\.vrm$/.exec(url);
    if (url === "/api/avatars/broken/file") {
      res.writeHead(200, { "content-type": "model/gltf-binary" }).end("this is not a GLB file");
      return;
    }
    if (!preset) {
      res.writeHead(404).end();
      return;
    }
    readFile(new URL(`../../../avatars/presets/${preset[1]}.vrm`, import.meta.url)).then(
      (bytes) => res.writeHead(200, { "content-length": bytes.byteLength }).end(bytes),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  // The client fetches same-origin paths; in Node they need the test server's origin.
  vi.stubGlobal("fetch", (input: string, init?: RequestInit) => realFetch(`${base}${input}`, init));
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("loadAvatar", () => {
  it("loads a preset by id, a new VRM each time from one download", async () => {
    const first = await loadAvatar("sol");
    const second = await loadAvatar("sol");
    expect(first?.url).toBe("/avatars/presets/sol.vrm");
    expect(first?.vrm.meta.metaVersion).toBe("1");
    expect(second?.vrm).not.toBe(first?.vrm);
    expect(requests.filter((r) => r === "/avatars/presets/sol.vrm")).toHaveLength(1);
  });

  it("falls back to the default preset when an upload is missing or not a VRM, and says so", async () => {
    const missing = await loadAvatar("upload:gone");
    expect(missing?.url).toBe("/avatars/presets/wren.vrm");
    const broken = await loadAvatar("upload:broken");
    expect(broken?.url).toBe("/avatars/presets/wren.vrm");
    expect(vi.mocked(console.warn).mock.calls.map((c) => String(c[0]))).toEqual(
      expect.arrayContaining([expect.stringContaining("/api/avatars/gone/file"), expect.stringContaining("/api/avatars/broken/file")]),
    );
  });

  it("recolours a preset's tintable parts and leaves the face details alone", async () => {
    const loaded = await loadAvatar("wren");
    const colours = new Map<string, string>();
    const read = () => {
      loaded!.vrm.scene.traverse((o) => {
        const m = (o as Mesh).material as Material | Material[] | undefined;
        for (const material of (Array.isArray(m) ? m : m ? [m] : []) as (Material & { color?: Color })[]) {
          if (material.color) colours.set(material.name, material.color.getHexString());
        }
      });
      return new Map(colours);
    };
    const before = read();
    applyTints(loaded!.vrm, { hair: "#336699" });
    const after = read();
    expect(after.get("hair")).toBe("336699");
    const untinted = [...before.keys()].filter((name) => tintKeyOf(name) === null);
    expect(untinted.length).toBeGreaterThan(0);
    for (const name of untinted) expect(after.get(name)).toBe(before.get(name));
  });
});
