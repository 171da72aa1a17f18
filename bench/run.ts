/**
 * `npm run bench -- NAME [--flags]`: runs bench/NAME.ts. Each benchmark prints progress to
 * stderr and its figures as one JSON line, last, on stdout.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [options]\nbenchmarks: ${available.join(", ")}`);
  process.exit(name ? 2 : 0);
}
const bench = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as {
  main(argv: string[]): Promise<Record<string, unknown>>;
};
const result = await bench.main(rest);
process.stdout.write(`${JSON.stringify({ bench: name, ...result })}\n`);
process.exit(0);
