import type { CompanionState, WorldState } from "../../shared/state";

/** People and companions within this distance of a companion are "near" it in its prompt. */
const NEARBY_METRES = 10;

/** Names of the people and companions near a companion, its owner (and itself) excepted. */
export function namesNear(state: WorldState, ownerSession: string, self: CompanionState): string[] {
  const near = (x: number, z: number) => Math.hypot(x - self.x, z - self.z) <= NEARBY_METRES;
  const names: string[] = [];
  state.players.forEach((player, sessionId) => {
    if (sessionId !== ownerSession && near(player.x, player.z)) names.push(player.name);
  });
  state.companions.forEach((other, sessionId) => {
    if (sessionId !== ownerSession && near(other.x, other.z)) names.push(`${other.name} (a companion)`);
  });
  return names;
}
