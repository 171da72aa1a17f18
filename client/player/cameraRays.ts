import { Raycaster, Vector3, type Intersection } from "three";
import { solidObjects, solidsVersion } from "../world";

/** How far below the sight line the second collision probe runs. */
const LOWER_PROBE = 0.6;

// Solids carry bounding-volume trees (WorldScene): with them, each mesh reports only its nearest hit.
const raycaster = Object.assign(new Raycaster(), { firstHitOnly: true });
const hits: Intersection[] = [];
const lowered = new Vector3();

/** The last question and its answer: a still camera over still solids asks nothing new. */
const last = { x: NaN, y: NaN, z: NaN, dx: NaN, dy: NaN, dz: NaN, far: NaN, solids: -1, nearest: null as number | null };

/** Distance to the nearest solid prop along a ray, or null within `far`. */
function nearestHit(origin: Vector3, along: Vector3, far: number): number | null {
  raycaster.set(origin, along);
  raycaster.near = 0;
  raycaster.far = far;
  hits.length = 0;
  raycaster.intersectObjects(solidObjects, true, hits);
  return hits[0]?.distance ?? null;
}

/**
 * Distance from `pivot` to the nearest solid along `direction` (a unit vector) within `far`,
 * probed on the sight line and a second line lower down (the lower half of the view must be
 * clear too, or the top of a low wall just under the sight line would fill the bottom of the
 * screen); null when both are clear.
 */
export function nearestObstruction(pivot: Vector3, direction: Vector3, far: number): number | null {
  const solids = solidsVersion();
  if (
    pivot.x === last.x && pivot.y === last.y && pivot.z === last.z &&
    direction.x === last.dx && direction.y === last.dy && direction.z === last.dz &&
    far === last.far && solids === last.solids
  ) {
    return last.nearest;
  }
  const hit = nearestHit(pivot, direction, far);
  lowered.copy(pivot).y -= LOWER_PROBE;
  const lowHit = nearestHit(lowered, direction, far);
  const nearest = hit === null ? lowHit : lowHit === null ? hit : Math.min(hit, lowHit);
  last.x = pivot.x;
  last.y = pivot.y;
  last.z = pivot.z;
  last.dx = direction.x;
  last.dy = direction.y;
  last.dz = direction.z;
  last.far = far;
  last.solids = solids;
  last.nearest = nearest;
  return nearest;
}
