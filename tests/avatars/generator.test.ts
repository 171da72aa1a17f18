/**
 * The avatar generator is deterministic and the committed presets are what it produces today:
 * a change to the generator that is not followed by `npm run avatars` fails here.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { generateVrm } from "../../avatars/generator/exportVrm";
import { PRESET_DESCRIPTIONS } from "../../avatars/generator/presets";
import { AVATAR_PRESET_IDS } from "../../shared/avatars/presets";

const ROOT = join(import.meta.dirname, "../..");
const run = promisify(execFile);
const generateCli = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "avatars/generator/generate.ts", ...args], { cwd: ROOT });

describe("avatar generator", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kindred-avatars-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("describes exactly the shared preset ids", () => {
    expect(PRESET_DESCRIPTIONS.map((d) => d.id).sort()).toEqual([...AVATAR_PRESET_IDS].sort());
  });

  it.each(PRESET_DESCRIPTIONS.map((d) => [d.id, d] as const))(
    "the committed %s.vrm equals a fresh generation (run `npm run avatars` after changing the generator)",
    async (id, desc) => {
      const fresh = Buffer.from(await generateVrm(desc));
      const committed = readFileSync(join(ROOT, "avatars/presets", `${id}.vrm`));
      expect(fresh.equals(committed), `avatars/presets/${id}.vrm is stale`).toBe(true);
    },
    60_000,
  );

  it("gives the same bytes on every run", async () => {
    const desc = PRESET_DESCRIPTIONS[PRESET_DESCRIPTIONS.length - 1]!;
    const [a, b] = [await generateVrm(desc), await generateVrm(desc)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  }, 60_000);

  it("writes the named presets into --out and reports progress", async () => {
    const { stdout } = await generateCli(["--out", scratch, "kit"]);
    expect(stdout).toMatch(/\[1\/1\] kit: generating… \d+ KiB/);
    expect(readdirSync(scratch)).toEqual(["kit.vrm"]);
    expect(readFileSync(join(scratch, "kit.vrm")).equals(readFileSync(join(ROOT, "avatars/presets/kit.vrm")))).toBe(true);
  }, 60_000);

  it("rejects an unknown preset or option with a clear error and writes nothing", async () => {
    const empty = mkdtempSync(join(scratch, "empty-"));
    await expect(generateCli(["--out", empty, "nobody"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("unknown preset nobody; presets are wren, sol, juniper, kit"),
    });
    await expect(generateCli(["--frobnicate"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("unknown option --frobnicate") });
    await expect(generateCli(["--out"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--out needs a folder") });
    expect(readdirSync(empty)).toEqual([]);
  }, 60_000);
});
