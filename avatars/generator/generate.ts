/**
 * `npm run avatars [-- --out <folder>] [-- <id> …]`: writes avatars/presets/<id>.vrm for every
 * preset (or the named ones). Deterministic: the same description gives the same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateVrm } from "./exportVrm";
import { PRESET_DESCRIPTIONS } from "./presets";

const DEFAULT_OUT = resolve(dirname(fileURLToPath(import.meta.url)), "../presets");

function parseArgs(argv: string[]): { out: string; ids: string[] } {
  let out = DEFAULT_OUT;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out") {
      const value = argv[++i];
      if (!value) throw new Error("--out needs a folder");
      out = resolve(value);
    } else if (arg.startsWith("-")) {
      throw new Error(`unknown option ${arg} (use --out <folder> and preset ids)`);
    } else ids.push(arg);
  }
  const known = PRESET_DESCRIPTIONS.map((d) => d.id as string);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new Error(`unknown preset ${unknown.join(", ")}; presets are ${known.join(", ")}`);
  return { out, ids };
}

async function main(): Promise<void> {
  const { out, ids } = parseArgs(process.argv.slice(2));
  const chosen = PRESET_DESCRIPTIONS.filter((d) => ids.length === 0 || ids.includes(d.id));
  mkdirSync(out, { recursive: true });
  for (const [i, desc] of chosen.entries()) {
    process.stdout.write(`[${i + 1}/${chosen.length}] ${desc.id}: generating… `);
    const bytes = await generateVrm(desc);
    const file = join(out, `${desc.id}.vrm`);
    writeFileSync(file, bytes);
    process.stdout.write(`${(bytes.byteLength / 1024).toFixed(0)} KiB → ${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`avatars: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
