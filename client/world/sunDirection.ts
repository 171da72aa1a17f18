import { Vector3 } from "three";

/**
 * The unit vector from the ground towards the sun. World files may give the direction either
 * way round; the sun is always above the horizon, so a downward vector is read as the light's
 * travel direction and flipped.
 */
export function towardsSun(direction: readonly [number, number, number], out = new Vector3()): Vector3 {
  out.set(direction[0], direction[1], direction[2]);
  if (out.lengthSq() === 0) out.set(0.4, 1, 0.3);
  if (out.y < 0) out.negate();
  // Keep the sun at least a little above the horizon so shadows stay finite.
  if (out.y < 0.15) out.y = 0.15;
  return out.normalize();
}
