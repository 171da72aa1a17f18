import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { jsonError } from "../errors";

const IMMUTABLE = "public, max-age=31536000, immutable";
// Vite puts every content-hashed file under assets/, so those never change under their name.
const HASHED_ASSET = /^\/assets\//;
/** Paths that name a file (have an extension) get a 404 when missing, not the app's page. */
const LOOKS_LIKE_FILE = /\/[^/]*\.[a-z0-9]+$/i;

/** Sets Cache-Control on successful answers (serveStatic builds its response before any hook). */
function cacheControl(policy: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set("Cache-Control", policy(c));
  };
}

/** World assets (`/worlds/assets/*`) from `<worldsDir>/assets`. */
export function worldAssetRoutes(worldsDir: string) {
  const root = path.join(worldsDir, "assets");
  const notFound = (c: Context) => jsonError(c, 404, `no world asset ${c.req.path}`);
  if (!existsSync(root)) return new Hono().all("*", notFound);
  return new Hono()
    .use("*", cacheControl(() => "public, max-age=3600"))
    .use("*", serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/worlds\/assets/, "") }))
    .all("*", notFound);
}

/**
 * The built client: files as they are, hashed assets cached for good, and every other page path
 * answered with index.html so the app's own routes survive a reload.
 */
export function clientRoutes(clientDir: string) {
  const indexFile = path.join(clientDir, "index.html");
  const isPage = (c: Context) => !c.req.path.startsWith("/api/") && !LOOKS_LIKE_FILE.test(c.req.path);
  if (!existsSync(indexFile)) {
    return new Hono().all("*", (c) =>
      isPage(c)
        ? jsonError(c, 503, `the web client is not built (${indexFile} is missing): run "npm run build", or "npm start" which builds it`)
        : jsonError(c, 404, `not found: ${c.req.path}`),
    );
  }
  return new Hono()
    .use("*", cacheControl((c) => (HASHED_ASSET.test(c.req.path) ? IMMUTABLE : "no-cache")))
    .use("*", serveStatic({ root: clientDir }))
    .get("*", (c, next) => (isPage(c) ? serveStatic({ path: indexFile })(c, next) : next()))
    .all("*", (c) => jsonError(c, 404, `not found: ${c.req.path}`));
}
