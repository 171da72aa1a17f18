/**
 * `node --import tsx avatars/generator/preview/preview.ts [--out <folder>] [<id> …]`: renders a
 * contact sheet per preset (front, three-quarter and back, then the face with six expressions)
 * in headless Chromium, so a change to the generator can be looked at, not just tested.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { launchChromium } from "../../../tests/e2e/support/chromium";
import { PRESET_DESCRIPTIONS } from "../presets";

const ROOT = resolve(import.meta.dirname, "../../..");
const PAGE = join(import.meta.dirname, "page.html");
const TYPES: Record<string, string> = { ".js": "text/javascript", ".html": "text/html", ".vrm": "model/gltf-binary" };

/** Serves the page, node_modules and the presets; nothing else of the working tree. */
function serve(): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://preview").pathname));
    const file = path === "/page.html" ? PAGE : join(ROOT, path);
    const allowed = path === "/page.html" || path.startsWith("/node_modules/") || path.startsWith("/avatars/presets/");
    if (!allowed || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({ server, port: (server.address() as { port: number }).port })));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const out = resolve(outIndex >= 0 ? (args.splice(outIndex, 2)[1] ?? "") : join(tmpdir(), "kindred-avatar-preview"));
  const known = PRESET_DESCRIPTIONS.map((d) => d.id as string);
  const ids = args.length > 0 ? args : known;
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new Error(`unknown preset ${unknown.join(", ")}; presets are ${known.join(", ")}`);
  mkdirSync(out, { recursive: true });
  const { server, port } = await serve();
  const browser = await launchChromium();
  try {
    for (const id of ids) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.on("pageerror", (error) => process.stderr.write(`${id}: ${error.message}\n`));
      await page.goto(`http://127.0.0.1:${port}/page.html?id=${id}`);
      await page.waitForFunction(() => (window as { previewDone?: boolean }).previewDone === true, null, { timeout: 120_000 });
      const file = join(out, `${id}.png`);
      await page.screenshot({ path: file });
      await page.close();
      process.stdout.write(`${id} → ${file}\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
