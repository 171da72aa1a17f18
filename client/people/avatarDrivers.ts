import type { AvatarDriver } from "../avatar";

/**
 * Every avatar driver of a body in the scene (people and companions), so frame timing can sum
 * what their updates cost. Owners add theirs while the body exists.
 */
export const liveAvatarDrivers = new Set<AvatarDriver>();
