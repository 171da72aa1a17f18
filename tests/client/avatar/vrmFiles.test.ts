import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchVrmFile } from "../../../client/avatar/loading/vrmFiles";
import { avatarLoadingSummary, useAvatarLoading } from "../../../client/avatar/loading/loadingStore";

const FILE = new Uint8Array(300_000).map((_, i) => i % 251);
let server: Server;
let base = "";
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    if (req.url?.startsWith("/missing")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-length": FILE.byteLength, "content-type": "model/gltf-binary" });
    // Several chunks, so progress is reported along the way.
    for (let i = 0; i < FILE.byteLength; i += 65_536) res.write(FILE.subarray(i, i + 65_536));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchVrmFile", () => {
  it("downloads a file once per URL and reports its progress", async () => {
    const seen: number[] = [];
    const stop = useAvatarLoading.subscribe((s) => seen.push(s.downloads[`${base}/a.vrm`]?.loaded ?? 0));
    const [first, second] = await Promise.all([fetchVrmFile(`${base}/a.vrm`), fetchVrmFile(`${base}/a.vrm`)]);
    const third = await fetchVrmFile(`${base}/a.vrm`);
    stop();
    expect(requests.filter((r) => r === "/a.vrm")).toHaveLength(1);
    expect(first).toBe(second);
    expect(third).toBe(first);
    expect(new Uint8Array(first)).toEqual(FILE);
    const download = useAvatarLoading.getState().downloads[`${base}/a.vrm`];
    expect(download).toEqual({ loaded: FILE.byteLength, total: FILE.byteLength, done: true });
    const state = useAvatarLoading.getState();
    expect(state.pending).toBe(0);
    expect(state.loaded).toBeGreaterThanOrEqual(FILE.byteLength);
    expect(seen.some((loaded) => loaded > 0 && loaded < FILE.byteLength)).toBe(true);
    expect(avatarLoadingSummary({ a: download!, b: { loaded: 5, total: 10, done: false } })).toEqual({
      loaded: FILE.byteLength + 5,
      total: FILE.byteLength + 10,
      pending: 1,
    });
  });

  it("fails clearly on an HTTP error and tries again on the next call", async () => {
    await expect(fetchVrmFile(`${base}/missing.vrm`)).rejects.toThrow(/missing\.vrm: HTTP 404/);
    expect(useAvatarLoading.getState().downloads[`${base}/missing.vrm`]?.error).toMatch(/404/);
    await expect(fetchVrmFile(`${base}/missing.vrm`)).rejects.toThrow(/404/);
    expect(requests.filter((r) => r === "/missing.vrm")).toHaveLength(2);
  });
});
