import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorldDefinitionInput } from "../../../shared/world";
import { jsonPath, loadWorlds, WorldLoadError } from "../../../server/worlds";
import { makeTempDir } from "../support/tempDir";
import { fixtureWorld, fixtureWorlds, writeWorlds } from "../support/worldFixtures";

describe("loadWorlds", () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  /** The problems reported for these worlds (and alpha/beta's partner where not given). */
  function problemsOf(worlds: WorldDefinitionInput[]): string[] {
    writeWorlds(dir.path, worlds);
    try {
      loadWorlds(dir.path);
    } catch (error) {
      expect(error).toBeInstanceOf(WorldLoadError);
      return [...(error as WorldLoadError).problems];
    }
    throw new Error("expected the worlds to be refused");
  }

  it("loads valid worlds with defaults filled in", () => {
    writeWorlds(dir.path, fixtureWorlds());
    const worlds = loadWorlds(dir.path);
    expect(worlds.list()).toEqual([
      { id: "alpha", name: "World alpha", description: "test world alpha" },
      { id: "beta", name: "World beta", description: "test world beta" },
    ]);
    const alpha = worlds.get("alpha")!;
    expect(alpha.props).toEqual([]);
    expect(alpha.bounds.maxY).toBe(10);
    expect(alpha.portals[0]!.color).toBe("#7fd4ff");
    expect(worlds.get("gamma")).toBeUndefined();
  });

  it("names the file and the JSON path of a schema error", () => {
    const broken = fixtureWorld("alpha", "beta", { spawns: [{ position: [0, "up" as unknown as number, 0] }] });
    expect(problemsOf([broken, fixtureWorld("beta", "alpha")])).toEqual([expect.stringMatching(/^alpha\.json: spawns\[0\]\.position\[1\]: /)]);
  });

  it("reports a file that is not JSON", () => {
    writeFileSync(path.join(dir.path, "broken.json"), "{ nope");
    expect(problemsOf(fixtureWorlds())).toEqual([expect.stringMatching(/^broken\.json: \(top level\): not valid JSON/)]);
  });

  it("requires the id to equal the file name", () => {
    writeWorlds(dir.path, fixtureWorlds());
    writeFileSync(path.join(dir.path, "gamma.json"), JSON.stringify(fixtureWorld("delta", "alpha")));
    expect(() => loadWorlds(dir.path)).toThrow(/gamma\.json: id: id "delta" must equal the file name "gamma"/);
  });

  it("requires portal targets and arrival portals to exist", () => {
    const alpha = fixtureWorld("alpha", "beta");
    alpha.portals!.push({ ...alpha.portals![0]!, id: "to-nowhere", to: "nowhere", position: [-8, 0, 8], exit: { position: [-6, 0, 6] } });
    const beta = fixtureWorld("beta", "alpha", {});
    beta.portals![0]!.arriveAt = "missing";
    expect(problemsOf([alpha, beta])).toEqual([
      'alpha.json: portals[1].to: world "nowhere" does not exist (no nowhere.json)',
      'beta.json: portals[0].arriveAt: world "alpha" has no portal "missing" to arrive at',
    ]);
  });

  it("refuses duplicate portal ids in one world", () => {
    const alpha = fixtureWorld("alpha", "beta");
    alpha.portals!.push({ ...alpha.portals![0]!, position: [-8, 0, 8], exit: { position: [-6, 0, 6] } });
    expect(problemsOf([alpha, fixtureWorld("beta", "alpha")])).toEqual(['alpha.json: portals[1].id: portal id "to-beta" is used twice']);
  });

  it("refuses spawns and portal exits that are not walkable or inside a portal trigger", () => {
    const alpha = fixtureWorld("alpha", "beta", {
      spawns: [{ position: [0, 0, -5] }, { position: [12, 0, 0] }, { position: [0, 0, 8.5] }, { position: [0, 20, 0] }],
    });
    alpha.portals![0]!.exit = { position: [0, 0, 7.5], yaw: 0 };
    expect(problemsOf([alpha, fixtureWorld("beta", "alpha")])).toEqual([
      "alpha.json: spawns[0].position: spawn point (0, -5) is not walkable: outside the bounds or inside an obstacle",
      "alpha.json: spawns[1].position: spawn point (12, 0) is not walkable: outside the bounds or inside an obstacle",
      'alpha.json: spawns[2].position: spawn point is inside the trigger of portal "to-beta": arriving there would travel at once',
      "alpha.json: spawns[3].position: spawn point height 20 is outside bounds.minY…maxY",
      'alpha.json: portals[0].exit.position: portal exit is inside the trigger of portal "to-beta": arriving there would travel at once',
    ]);
  });

  it("refuses points of interest outside the bounds", () => {
    const alpha = fixtureWorld("alpha", "beta", { pointsOfInterest: [{ id: "far", name: "Far", position: [0, 0, 30] }] });
    expect(problemsOf([alpha, fixtureWorld("beta", "alpha")])).toEqual([
      'alpha.json: pointsOfInterest[0].position: point of interest "far" is outside the world\'s bounds',
    ]);
  });

  it("reports every problem of every file at once", () => {
    const alpha = fixtureWorld("alpha", "beta", { spawns: [{ position: [0, 0, -5] }] });
    const beta = fixtureWorld("beta", "alpha", { pointsOfInterest: [{ id: "far", name: "Far", position: [0, 0, 30] }] });
    expect(problemsOf([alpha, beta])).toHaveLength(2);
  });

  it("refuses a missing or empty folder", () => {
    expect(() => loadWorlds(path.join(dir.path, "absent"))).toThrow(/cannot read the worlds folder/);
    mkdirSync(path.join(dir.path, "empty"));
    expect(() => loadWorlds(path.join(dir.path, "empty"))).toThrow(/no world files/);
  });

  it("writes JSON paths the way people read them", () => {
    expect(jsonPath(["portals", 0, "exit", "position", 2])).toBe("portals[0].exit.position[2]");
    expect(jsonPath([])).toBe("");
  });
});

describe("the shipped worlds", () => {
  const shipped = path.resolve("worlds");

  it("load and pass every cross-check", () => {
    expect(existsSync(path.join(shipped, "plaza.json"))).toBe(true);
    const worlds = loadWorlds(shipped);
    const ids = worlds.list().map((w) => w.id);
    expect(ids).toContain("plaza");
    expect(ids.length).toBeGreaterThanOrEqual(2);
    // Portals connect the shipped worlds both ways (cross-checks already proved targets exist).
    for (const id of ids) expect(worlds.get(id)!.portals.length).toBeGreaterThan(0);
  });
});
