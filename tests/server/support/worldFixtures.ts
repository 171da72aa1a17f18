import { writeFileSync } from "node:fs";
import path from "node:path";
import type { WorldDefinitionInput } from "../../../shared/world";
import { fixtureWorld } from "../../support/worlds";

export { fixtureWorld };

/** alpha ⇄ beta, each with a portal to the other. */
export function fixtureWorlds(): WorldDefinitionInput[] {
  return [fixtureWorld("alpha", "beta"), fixtureWorld("beta", "alpha")];
}

export function writeWorlds(dir: string, worlds: readonly WorldDefinitionInput[]): void {
  for (const world of worlds) writeFileSync(path.join(dir, `${world.id}.json`), JSON.stringify(world, null, 2));
}
