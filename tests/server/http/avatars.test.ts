import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { edited, encodeGlb, validVrm0, validVrm1, vrm1Parts } from "../../support/vrmFixtures";
import { httpAppHarness } from "./httpAppHarness";

const MAX_BYTES = 100_000;
const PRESET = validVrm1();
const h = httpAppHarness({
  avatarMaxBytes: MAX_BYTES,
  prepare: ({ avatarPresetsDir }) => writeFileSync(path.join(avatarPresetsDir, "wren.vrm"), PRESET),
});

interface UploadView {
  id: string;
  ref: string;
  url: string;
  name: string;
  fileName: string;
  bytes: number;
  sha256: string;
  vrmVersion: string;
  createdAt: string;
}

async function signIn(name: string): Promise<string> {
  const res = await h.app.request("/api/auth/guest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
  return ((await res.json()) as { token: string }).token;
}

function upload(token: string | undefined, body: BodyInit, { name, type = "model/gltf-binary" }: { name?: string; type?: string } = {}) {
  const headers: Record<string, string> = { "content-type": type };
  if (token) headers.authorization = `Bearer ${token}`;
  // As a browser or curl sends a file; app.request() itself declares no length.
  if (body instanceof Uint8Array) headers["content-length"] = String(body.byteLength);
  const query = name === undefined ? "" : `?name=${encodeURIComponent(name)}`;
  return h.app.request(`/api/avatars${query}`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

const authorised = (token: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
const list = async (token: string) => (await (await h.app.request("/api/avatars", authorised(token))).json()) as { uploads: UploadView[]; presets: unknown[]; maxBytes: number };
const storedFiles = () => (existsSync(path.join(h.dataDir, "avatars")) ? readdirSync(path.join(h.dataDir, "avatars")).sort() : []);
const rowCount = async () => (await h.db.query<{ n: number }>("SELECT count(*)::int AS n FROM avatars"))[0]!.n;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function uploaded(token: string, bytes: Uint8Array<ArrayBuffer>, name?: string): Promise<UploadView> {
  const res = await upload(token, bytes, { name });
  expect(res.status).toBe(201);
  return (await res.json()) as UploadView;
}

/** Sends `body` as a stream without a declared length, as a browser's chunked upload would. */
function streamOf(bytes: Uint8Array, chunk = 16_384): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

describe("POST /api/avatars", () => {
  it("stores a valid VRM 1.0 upload: its file in the data folder and a row, and lists it for its owner", async () => {
    const token = await signIn("Ann");
    const bytes = validVrm1();
    const avatar = await uploaded(token, bytes, "C:\\Users\\ann\\Desktop\\my-model.vrm");
    expect(avatar).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ref: `upload:${avatar.id}`,
      url: `/api/avatars/${avatar.id}/file`,
      name: "Fixture One",
      fileName: "my-model.vrm",
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
      vrmVersion: "1.0",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(readFileSync(path.join(h.dataDir, "avatars", `${avatar.id}.vrm`))).toEqual(Buffer.from(bytes));
    const mine = await list(token);
    expect(mine.uploads).toEqual([avatar]);
    expect(mine.presets).toEqual([
      { id: "wren", ref: "wren", url: "/avatars/presets/wren.vrm", name: "Wren" },
      { id: "sol", ref: "sol", url: "/avatars/presets/sol.vrm", name: "Sol" },
      { id: "juniper", ref: "juniper", url: "/avatars/presets/juniper.vrm", name: "Juniper" },
      { id: "kit", ref: "kit", url: "/avatars/presets/kit.vrm", name: "Kit" },
    ]);
    expect(mine.maxBytes).toBe(MAX_BYTES);
    expect((await list(await signIn("Bob"))).uploads).toEqual([]);
  });

  it("stores a VRM 0.x upload streamed without a declared length", async () => {
    const token = await signIn("Ann");
    const res = await upload(token, streamOf(validVrm0(), 512), { name: "zero.vrm", type: "application/octet-stream" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: "Fixture Zero", fileName: "zero.vrm", vrmVersion: "0.x" });
  });

  const badUploads: [string, () => Promise<Response>, number, string][] = [
    ["no token", async () => upload(undefined, validVrm1()), 401, "not signed in: send Authorization: Bearer <token> from POST /api/auth/guest"],
    [
      "a form upload instead of the file",
      async () => upload(await signIn("Ann"), validVrm1(), { type: "multipart/form-data; boundary=x" }),
      415,
      "send the VRM file itself as the request body, with Content-Type: model/gltf-binary (or application/octet-stream)",
    ],
    ["a file over the cap, declared", async () => upload(await signIn("Ann"), validVrm1({ extraBinBytes: 150_000 })), 413, "file is 0.2 MB; the limit is 0.1 MB"],
    ["a file over the cap, streamed", async () => upload(await signIn("Ann"), streamOf(validVrm1({ extraBinBytes: 150_000 }))), 413, "file is over the limit of 0.1 MB"],
    ["a truncated file", async () => upload(await signIn("Ann"), validVrm1().subarray(0, 600)), 400, `the file is truncated: its header says ${validVrm1().byteLength} bytes but it has 600`],
    ["a PNG", async () => upload(await signIn("Ann"), new Uint8Array(64).fill(0x89)), 400, 'not a glTF binary: wrong magic (a .vrm or .glb file starts with the bytes "glTF")'],
    [
      "a model without feet",
      async () => upload(await signIn("Ann"), encodeGlb(edited(vrm1Parts(), (json) => delete json.extensions!.VRMC_vrm!.humanoid.humanBones.leftFoot))),
      400,
      "missing humanoid bone leftFoot",
    ],
    [
      "a model with an external texture",
      async () => upload(await signIn("Ann"), encodeGlb(edited(vrm1Parts(), (json) => (json.images = [{ uri: "https://example.com/t.png" }])))),
      400,
      "image 0 points outside the file (https://example.com/t.png)",
    ],
    ["an empty body", async () => upload(await signIn("Ann"), new Uint8Array(0)), 400, "the file is empty"],
  ];

  it.each(badUploads)("refuses %s with a JSON error naming it, and stores nothing", async (_what, send, status, error) => {
    const filesBefore = storedFiles();
    const rowsBefore = await rowCount();
    const res = await send();
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error });
    expect(storedFiles()).toEqual(filesBefore);
    expect(await rowCount()).toBe(rowsBefore);
  });
});

describe("GET /api/avatars/:id/file", () => {
  it("serves the file to anyone, cached for good, and answers 304 to a current copy", async () => {
    const bytes = validVrm0();
    const avatar = await uploaded(await signIn("Ann"), bytes);
    const res = await h.app.request(avatar.url);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(["content-type", "cache-control", "etag", "content-length"].map((name) => [name, res.headers.get(name)]))).toEqual({
      "content-type": "model/gltf-binary",
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${sha256(bytes)}"`,
      "content-length": String(bytes.byteLength),
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);

    const again = await h.app.request(avatar.url, { headers: { "if-none-match": `W/"other", "${sha256(bytes)}"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(`"${sha256(bytes)}"`);
    expect(await again.text()).toBe("");
    expect((await h.app.request(avatar.url, { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const res = await h.app.request(`/api/avatars/${id}/file`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: `no uploaded avatar "${id}"` });
    }
  });
});

describe("DELETE /api/avatars/:id", () => {
  it("is for the uploader only: anyone else gets 403 and the file stays", async () => {
    const ann = await signIn("Ann");
    const avatar = await uploaded(ann, validVrm1());
    const res = await h.app.request(`/api/avatars/${avatar.id}`, authorised(await signIn("Mallory"), { method: "DELETE" }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "only the person who uploaded an avatar can delete it" });
    expect((await h.app.request(avatar.url)).status).toBe(200);
    expect((await list(ann)).uploads.map((u) => u.id)).toEqual([avatar.id]);
  });

  it("removes the row and the file for the uploader", async () => {
    const ann = await signIn("Ann");
    const avatar = await uploaded(ann, validVrm1());
    const res = await h.app.request(`/api/avatars/${avatar.id}`, authorised(ann, { method: "DELETE" }));
    expect(res.status).toBe(204);
    expect(existsSync(path.join(h.dataDir, "avatars", `${avatar.id}.vrm`))).toBe(false);
    expect((await h.app.request(avatar.url)).status).toBe(404);
    expect((await list(ann)).uploads).toEqual([]);
    const twice = await h.app.request(`/api/avatars/${avatar.id}`, authorised(ann, { method: "DELETE" }));
    expect(twice.status).toBe(404);
  });
});

describe("GET /avatars/presets/<id>.vrm", () => {
  it("serves a generated preset with an ETag, and 304 while it is unchanged", async () => {
    const res = await h.app.request("/avatars/presets/wren.vrm");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("model/gltf-binary");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("etag")).toBe(`"${sha256(PRESET)}"`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PRESET);
    const again = await h.app.request("/avatars/presets/wren.vrm", { headers: { "if-none-match": `"${sha256(PRESET)}"` } });
    expect(again.status).toBe(304);
  });

  it("answers 404 for a preset not generated yet and for names that are no preset", async () => {
    const missing = await h.app.request("/avatars/presets/sol.vrm");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'the avatar preset "sol" is not generated yet: run "npm run avatars"' });
    for (const name of ["nobody.vrm", "wren", "..%2Fwren.vrm"]) {
      expect((await h.app.request(`/avatars/presets/${name}`)).status).toBe(404);
    }
  });
});
