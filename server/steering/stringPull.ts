import type { Waypoint } from "./findPath";
import { clearLine } from "./lineOfSight";
import type { NavGrid } from "./navGrid";

/** Keeps only the corners of `points` that a body walking from `from` cannot see past. */
export function stringPull(grid: NavGrid, from: Waypoint, points: readonly Waypoint[]): Waypoint[] {
  const corners: Waypoint[] = [];
  let anchor = from;
  let i = 0;
  while (i < points.length - 1) {
    let far = i;
    while (far + 1 < points.length && clearLine(grid, anchor.x, anchor.z, points[far + 1]!.x, points[far + 1]!.z)) far++;
    // Nothing further is visible (the anchor sits on a cell edge): take the next point as it is.
    if (far === i) far = i + 1;
    anchor = points[far]!;
    corners.push(anchor);
    i = far;
  }
  if (corners.length === 0) corners.push(points[points.length - 1]!);
  return corners;
}
