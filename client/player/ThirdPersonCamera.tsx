import { useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Vector3 } from "three";
import { FRAME_ORDER } from "../frame/order";
import { allowedCameraDistance, CAMERA_WALL_MARGIN, cameraDirection, nextCameraDistance } from "./cameraCollision";
import { nearestObstruction } from "./cameraRays";
import { cameraRig, localPlayer } from "./localPlayer";

/** Height of the point the camera orbits and looks at: about the eyes. */
const PIVOT_HEIGHT = 1.5;
/** The camera never dips below this height, so it never looks up through the ground. */
const MIN_CAMERA_HEIGHT = 0.3;

const pivot = new Vector3();
const direction = new Vector3();

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
    const nearest = nearestObstruction(pivot, direction, cameraRig.distance + CAMERA_WALL_MARGIN);
    const allowed = allowedCameraDistance(cameraRig.distance, nearest);
    distance.current = nextCameraDistance(distance.current, allowed, delta);

    camera.position.copy(pivot).addScaledVector(direction, distance.current);
    if (camera.position.y < MIN_CAMERA_HEIGHT) camera.position.y = MIN_CAMERA_HEIGHT;
    camera.lookAt(pivot.x, pivot.y + 0.1, pivot.z);
  }, FRAME_ORDER.camera);

  return null;
}
