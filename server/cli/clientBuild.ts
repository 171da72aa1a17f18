import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What the built client depends on, relative to the project root. */
export const CLIENT_SOURCES = ["client", "shared", "vite.config.ts", "package.json"];
export const CLIENT_BUILD_INDEX = path.join("dist", "client", "index.html");

/**
 * Why the client must be (re)built, or undefined when `dist/client` is newer than every source.
 * Reads only modification times, so it costs milliseconds even on a large tree.
 */
export function clientBuildReason(root: string): string | undefined {
  const index = path.join(root, CLIENT_BUILD_INDEX);
  if (!existsSync(index)) return "the web client has not been built yet";
  const builtAt = statSync(index).mtimeMs;
  for (const source of CLIENT_SOURCES) {
    const changed = newerFile(path.join(root, source), builtAt);
    if (changed) return `${path.relative(root, changed)} changed since the last build`;
  }
  return undefined;
}

/** The first file under `target` modified after `since`, if any. */
function newerFile(target: string, since: number): string | undefined {
  if (!existsSync(target)) return undefined;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs > since ? target : undefined;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const found = newerFile(path.join(target, entry.name), since);
    if (found) return found;
  }
  return undefined;
}

/** Builds the client with Vite's JS API, showing a module counter while it works (on a terminal). */
export async function buildClient(root: string): Promise<void> {
  const { build } = await import("vite");
  const started = Date.now();
  const live = process.stdout.isTTY === true;
  let modules = 0;
  await build({
    root: path.join(root, "client"),
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
    plugins: [
      {
        name: "kindred-build-progress",
        transform() {
          modules++;
          if (live && modules % 50 === 0) process.stdout.write(`\r  transformed ${modules} modules…`);
          return null;
        },
      },
    ],
  });
  const summary = `built the web client (${modules} modules) in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  process.stdout.write(live ? `\r  ${summary}\n` : `  ${summary}\n`);
}
