import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AVATAR_PRESET_IDS, avatarUrl, formatAvatarRef, isAvatarPresetId } from "../../../shared/avatars";
import type { Identity, User } from "../../auth";
import { AvatarError, formatMegabytes, type AvatarRefusal, type AvatarService, type StoredAvatar } from "../../avatars";
import { authenticatedUser } from "../authenticate";
import { HttpError, jsonError } from "../errors";

const STATUS: Record<AvatarRefusal, 400 | 403 | 404 | 409 | 413> = {
  invalid_file: 400,
  too_large: 413,
  not_found: 404,
  not_owner: 403,
  in_use: 409,
};

const VRM_TYPES = new Set(["model/gltf-binary", "application/octet-stream"]);
/** An upload's bytes never change under its id. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Presets keep their names when regenerated, so caches check back (a 304 when unchanged). */
const REVALIDATE = "no-cache";

type SignedIn = { Variables: { user: User } };

/**
 * `/api/avatars`: uploaded VRMs. Uploading, listing and deleting need the uploader's token; the
 * file itself is public by id (everyone in a room must load the body; ids are random UUIDs), and
 * cached for good, since its bytes never change under its id.
 */
export function avatarRoutes(identity: Identity, avatars: AvatarService) {
  const signedIn = async (c: Context<SignedIn>, next: () => Promise<void>) => {
    c.set("user", await authenticatedUser(c, identity));
    await next();
  };
  // Enforced while the body streams in: an oversized upload is cut off, never buffered whole.
  const capped = limitUpload(avatars.maxBytes);
  return new Hono<SignedIn>()
    .post("/", signedIn, checkContentType, capped, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const avatar = await refusing(() => avatars.upload(c.get("user").id, bytes, c.req.query("name")));
      return c.json(uploadView(avatar), 201);
    })
    .get("/", signedIn, async (c) => {
      const uploads = await avatars.listForOwner(c.get("user").id);
      return c.json({ uploads: uploads.map(uploadView), presets: AVATAR_PRESET_IDS.map(presetView), maxBytes: avatars.maxBytes });
    })
    .get("/:id/file", async (c) => {
      const avatar = await avatars.get(c.req.param("id"));
      if (!avatar) return jsonError(c, 404, `no uploaded avatar "${c.req.param("id")}"`);
      return vrmFile(c, { etag: `"${avatar.sha256}"`, bytes: avatar.bytes, cacheControl: IMMUTABLE, body: () => avatars.stream(avatar) });
    })
    .delete("/:id", signedIn, async (c) => {
      // The middleware in front hides the path's parameters from the types; the route has :id.
      const id = c.req.param("id")!;
      await refusing(() => avatars.remove(id, c.get("user").id));
      return c.body(null, 204);
    });
}

/** `/avatars/presets/<id>.vrm`: the generated default avatars, from `presetsDir`. */
export function avatarPresetRoutes(presetsDir: string) {
  const etags = new Map<string, { version: string; etag: string }>();
  return new Hono().get("/:file", async (c) => {
    const id = c.req.param("file").replace(/\.vrm$/, "");
    if (!isAvatarPresetId(id) || !c.req.param("file").endsWith(".vrm")) return jsonError(c, 404, `no avatar preset ${c.req.path}`);
    const file = path.join(presetsDir, `${id}.vrm`);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return jsonError(c, 404, `the avatar preset "${id}" is not generated yet: run "npm run avatars"`);
    // Hashed once per version of the file on disk, not per request.
    const version = `${info.size}:${info.mtimeMs}`;
    let known = etags.get(id);
    if (known?.version !== version) {
      known = { version, etag: `"${await sha256Of(file)}"` };
      etags.set(id, known);
    }
    const body = () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return vrmFile(c, { etag: known.etag, bytes: info.size, cacheControl: REVALIDATE, body });
  });
}

export function uploadView(avatar: StoredAvatar) {
  const { id, name, fileName, bytes, sha256, vrmVersion, createdAt } = avatar;
  const ref = { kind: "upload", id } as const;
  return { id, ref: formatAvatarRef(ref), url: avatarUrl(ref), name, fileName, bytes, sha256, vrmVersion, createdAt: createdAt.toISOString() };
}

function presetView(id: (typeof AVATAR_PRESET_IDS)[number]) {
  const ref = { kind: "preset", id } as const;
  return { id, ref: formatAvatarRef(ref), url: avatarUrl(ref), name: id.charAt(0).toUpperCase() + id.slice(1) };
}

interface VrmFileAnswer {
  etag: string;
  bytes: number;
  cacheControl: string;
  body: () => ReadableStream<Uint8Array>;
}

/** A VRM file with its validators: 304 when the caller's copy (If-None-Match) is current. */
function vrmFile(c: Context, { etag, bytes, cacheControl, body }: VrmFileAnswer) {
  const headers = { ETag: etag, "Cache-Control": cacheControl };
  if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  return c.body(body(), 200, { ...headers, "Content-Type": "model/gltf-binary", "Content-Length": String(bytes) });
}

/** If-None-Match as RFC 9110 compares it: weakly, any of a list, or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

async function checkContentType(c: Context, next: () => Promise<void>) {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!VRM_TYPES.has(type)) {
    throw new HttpError(415, "send the VRM file itself as the request body, with Content-Type: model/gltf-binary (or application/octet-stream)");
  }
  await next();
}

/** The body cap (checked as the body streams in), naming the size when the request declared it. */
function limitUpload(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const declared = Number(c.req.header("content-length"));
      const limit = formatMegabytes(maxBytes);
      return jsonError(c, 413, declared > maxBytes ? `file is ${formatMegabytes(declared)}; the limit is ${limit}` : `file is over the limit of ${limit}`);
    },
  });
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AvatarError) throw new HttpError(STATUS[error.reason], error.message);
    throw error;
  }
}
