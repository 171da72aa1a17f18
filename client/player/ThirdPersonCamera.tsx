import { useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Raycaster, Vector3, type Intersection } from "three";
import { FRAME_ORDER } from "../frame/order";
import { solidObjects } from "../world";
import { allowedCameraDistance, CAMERA_WALL_MARGIN, cameraDirection, nextCameraDistance } from "./cameraCollision";
import { cameraRig, localPlayer } from "./localPlayer";

/** Height of the point the camera orbits and looks at: about the eyes. */
const PIVOT_HEIGHT = 1.5;
/** The camera never dips below this height, so it never looks up through the ground. */
const MIN_CAMERA_HEIGHT = 0.3;

/** How far below the sight line the second collision probe runs. */
const LOWER_PROBE = 0.6;

const pivot = new Vector3();
const lowered = new Vector3();
const direction = new Vector3();
const raycaster = new Raycaster();
const hits: Intersection[] = [];

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
 * A third-person camera orbiting behind the player. Rays from the head towards the wanted
 * camera position find the nearest solid prop; the camera stops short of it instead of
 * showing the inside of a wall.
 */
export function ThirdPersonCamera() {
  const distance = useRef(cameraRig.distance);

  useFrame(({ camera }, delta) => {
    pivot.set(localPlayer.x, localPlayer.y + PIVOT_HEIGHT, localPlayer.z);
    cameraDirection(cameraRig.yaw, cameraRig.pitch, direction);

    const far = cameraRig.distance + CAMERA_WALL_MARGIN;
    const hit = nearestHit(pivot, direction, far);
    // A second ray lower down: the lower half of the view must be clear too, or the top of a
    // low wall just under the sight line would fill the bottom of the screen.
    lowered.copy(pivot).y -= LOWER_PROBE;
    const lowHit = nearestHit(lowered, direction, far);
    const nearest = hit === null ? lowHit : lowHit === null ? hit : Math.min(hit, lowHit);
    const allowed = allowedCameraDistance(cameraRig.distance, nearest);
    distance.current = nextCameraDistance(distance.current, allowed, delta);

    camera.position.copy(pivot).addScaledVector(direction, distance.current);
    if (camera.position.y < MIN_CAMERA_HEIGHT) camera.position.y = MIN_CAMERA_HEIGHT;
    camera.lookAt(pivot.x, pivot.y + 0.1, pivot.z);
  }, FRAME_ORDER.camera);

  return null;
}
