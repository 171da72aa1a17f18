/**
 * useFrame priorities (lower runs first; never positive, which would take over rendering):
 * people move, then the camera follows, then everything that reads poses or the camera.
 */
export const FRAME_ORDER = {
  simulate: -2,
  camera: -1,
  draw: 0,
} as const;
