import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { WorldDefinition } from "../../shared/world";
import { crossCheckWorld, type WorldProblem } from "./crossCheck";

export interface WorldSummary {
  id: string;
  name: string;
  description: string;
}

/** The worlds loaded at start, all valid. */
export interface WorldCatalog {
  list(): WorldSummary[];
  get(id: string): WorldDefinition | undefined;
}

/** World files were refused; `message` lists every problem as `file: json.path: what`. */
export class WorldLoadError extends Error {
  override name = "WorldLoadError";
  constructor(
    readonly problems: readonly string[],
    dir: string,
  ) {
    super(`world definitions in ${dir} are invalid:\n  ${problems.join("\n  ")}`);
  }
}

/** Reads and checks every `*.json` in `dir`; throws WorldLoadError naming each problem. */
export function loadWorlds(dir: string): WorldCatalog {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json") && statSync(path.join(dir, f)).isFile()).sort();
  } catch (error) {
    throw new WorldLoadError([`cannot read the worlds folder: ${(error as Error).message}`], dir);
  }
  if (files.length === 0) throw new WorldLoadError(["no world files (*.json) found"], dir);

  const problems: string[] = [];
  const report = (file: string, list: WorldProblem[]) => {
    for (const p of list) problems.push(`${file}: ${p.path || "(top level)"}: ${p.message}`);
  };

  const worlds = new Map<string, WorldDefinition>();
  const refused = new Set<string>();
  for (const file of files) {
    const fileId = path.basename(file, ".json");
    const parsed = parseWorldFile(path.join(dir, file));
    if (!parsed.ok) {
      report(file, parsed.problems);
      refused.add(fileId);
    } else if (parsed.world.id !== fileId) {
      // The id is also how portals and URLs find the file, so the two must agree.
      report(file, [{ path: "id", message: `id "${parsed.world.id}" must equal the file name "${fileId}"` }]);
      refused.add(fileId);
    } else {
      worlds.set(fileId, parsed.world);
    }
  }
  for (const [id, world] of worlds) report(`${id}.json`, crossCheckWorld(world, worlds, refused));
  if (problems.length > 0) throw new WorldLoadError(problems, dir);

  const summaries = [...worlds.values()].map(({ id, name, description }) => ({ id, name, description }));
  return {
    list: () => summaries.map((s) => ({ ...s })),
    get: (id) => worlds.get(id),
  };
}

type ParsedWorld = { ok: true; world: WorldDefinition } | { ok: false; problems: WorldProblem[] };

function parseWorldFile(file: string): ParsedWorld {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const result = WorldDefinition.safeParse(json);
  if (result.success) return { ok: true, world: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
}

/** `["portals", 0, "exit"]` → `portals[0].exit` */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) out += typeof s === "number" ? `[${s}]` : out === "" ? String(s) : `.${String(s)}`;
  return out;
}
