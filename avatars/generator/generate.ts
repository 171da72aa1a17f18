/**
 * `npm run avatars [-- --out <folder>] [-- <name> …]`: writes avatars/presets/<id>.vrm for every
 * preset and avatars/animations/<clip>.vrma for every animation clip (or only the named presets
 * and clips; with --out, all of them into that folder). Deterministic: the same descriptions
 * give the same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CLIP_DESCRIPTIONS } from "./animation/clips";
import { generateVrma } from "./animation/exportVrma";
import { generateVrm } from "./exportVrm";
import { PRESET_DESCRIPTIONS } from "./presets";

const AVATARS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Output {
  name: string;
  file: string;
  generate: () => Promise<Uint8Array>;
}

function parseArgs(argv: string[]): { out: string | null; names: string[] } {
  let out: string | null = null;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out") {
      const value = argv[++i];
      if (!value) throw new Error("--out needs a folder");
      out = resolve(value);
    } else if (arg.startsWith("-")) {
      throw new Error(`unknown option ${arg} (use --out <folder> and preset ids or clip names)`);
    } else names.push(arg);
  }
  return { out, names };
}

function outputs(out: string | null): Output[] {
  const presets = out ?? join(AVATARS_DIR, "presets");
  const animations = out ?? join(AVATARS_DIR, "animations");
  return [
    ...PRESET_DESCRIPTIONS.map((desc) => ({ name: desc.id, file: join(presets, `${desc.id}.vrm`), generate: () => generateVrm(desc) })),
    ...CLIP_DESCRIPTIONS.map((clip) => ({ name: clip.name, file: join(animations, `${clip.name}.vrma`), generate: () => generateVrma(clip) })),
  ];
}

async function main(): Promise<void> {
  const { out, names } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((name) => !PRESET_DESCRIPTIONS.some((d) => d.id === name) && !CLIP_DESCRIPTIONS.some((c) => c.name === name));
  if (unknown.length > 0) {
    const presets = PRESET_DESCRIPTIONS.map((d) => d.id).join(", ");
    const clips = CLIP_DESCRIPTIONS.map((c) => c.name).join(", ");
    throw new Error(`unknown preset ${unknown.join(", ")}; presets are ${presets}; animation clips are ${clips}`);
  }
  const chosen = outputs(out).filter((o) => names.length === 0 || names.includes(o.name));
  for (const [i, output] of chosen.entries()) {
    process.stdout.write(`[${i + 1}/${chosen.length}] ${output.name}: generating… `);
    const bytes = await output.generate();
    mkdirSync(dirname(output.file), { recursive: true });
    writeFileSync(output.file, bytes);
    process.stdout.write(`${(bytes.byteLength / 1024).toFixed(0)} KiB → ${output.file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`avatars: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
