import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context } from "hono";
import { jsonError } from "../errors";

/**
 * Where the client's XR store finds controller and hand models: @pmndrs/xr's `baseAssetPath`
 * must be this as an absolute URL with its trailing slash (`${location.origin}/xr/input-profiles/`).
 */
export const XR_INPUT_PROFILES_ROUTE = "/xr/input-profiles";
const PACKAGE = "@webxr-input-profiles/assets";
/** A day, then a cheap revalidation: the files change only when the package is upgraded. */
const CACHE_POLICY = "public, max-age=86400";

/** The package's `dist/profiles` folder and version, or why it cannot be served. */
function locateProfiles(): { dir: string; version: string } | { problem: string } {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`);
    const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
    return { dir: path.join(path.dirname(manifest), "dist", "profiles"), version };
  } catch (error) {
    return { problem: `${PACKAGE} is not installed (${(error as Error).message}); run npm install` };
  }
}

/**
 * WebXR input profiles (`profilesList.json`, `<profile>/profile.json` and its .glb models) from the
 * installed package, so controller and hand models never come from a CDN: a headset on a LAN
 * without internet still shows them. serveStatic refuses `..`, `//`, `\` and encoded paths.
 */
export function xrInputProfileRoutes() {
  const found = locateProfiles();
  const notFound = (c: Context) => jsonError(c, 404, "problem" in found ? found.problem : `no WebXR input profile file ${c.req.path}`);
  if ("problem" in found) return new Hono().all("*", notFound);
  // Every file is fixed for one package version, so the version is a valid validator for each.
  const etag = `"${PACKAGE}@${found.version}"`;
  return new Hono()
    .use("*", async (c, next) => {
      const revalidating = (c.req.method === "GET" || c.req.method === "HEAD") && c.req.header("if-none-match") === etag;
      if (revalidating) return c.body(null, 304, { ETag: etag, "Cache-Control": CACHE_POLICY });
      await next();
      if (c.res.status !== 200) return;
      c.res.headers.set("Cache-Control", CACHE_POLICY);
      c.res.headers.set("ETag", etag);
    })
    .use("*", serveStatic({ root: found.dir, rewriteRequestPath: (p) => p.slice(XR_INPUT_PROFILES_ROUTE.length) }))
    .all("*", notFound);
}
