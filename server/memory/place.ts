/** A named spot in a world (the world file's points of interest). */
export interface NamedPlace {
  name: string;
  position: readonly [number, number, number];
  radius: number;
}

/** How far beyond a point of interest's own radius one still counts as "at" it. */
const NEARBY_METRES = 6;

/**
 * Where someone stands, as memory keeps it: the nearest point of interest within reach, else the
 * rounded position, so "where we stand now" can be matched with where a memory was made.
 */
export function describePlace(places: readonly NamedPlace[], x: number, z: number): string {
  let best: { name: string; distance: number } | undefined;
  for (const place of places) {
    const distance = Math.hypot(place.position[0] - x, place.position[2] - z);
    if (distance <= place.radius + NEARBY_METRES && (!best || distance < best.distance)) best = { name: place.name, distance };
  }
  return best ? best.name : `around (${Math.round(x)}, ${Math.round(z)})`;
}
