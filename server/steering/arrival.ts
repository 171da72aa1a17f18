/** How hard a companion slows down when arriving, m/s². */
export const ARRIVAL_DECELERATION = 3;
/** Within this distance of its slot it stops: a dead zone, so it never hunts back and forth. */
export const STOP_RADIUS_METRES = 0.12;

/**
 * The speed to approach a point `distance` away at so as to stop on it without overshooting
 * (the speed from which ARRIVAL_DECELERATION brakes to zero over the distance left), capped.
 */
export function arrivalSpeed(distance: number, cap: number): number {
  const left = distance - STOP_RADIUS_METRES;
  if (left <= 0) return 0;
  return Math.min(cap, Math.sqrt(2 * ARRIVAL_DECELERATION * left));
}
