/**
 * useFrame priorities (lower runs first): the frame clock starts, people move, then the camera
 * follows, then everything that reads poses or the camera (the default, 0), and last the
 * render stage. A positive priority takes rendering over from R3F: the render stage (one
 * component, FrameTiming) renders the scene itself, so the JS time of all stages before it can
 * be measured apart from the GPU work.
 */
export const FRAME_ORDER = {
  /** Before everything, the XR store's own input update (-1000) included, so frame timing sees it all. */
  clockStart: -10_000,
  simulate: -2,
  camera: -1,
  draw: 0,
  /** Layers that pose an avatar further after its own update (a headset's head and hands). */
  afterAvatars: 0.5,
  /** Floating labels: placed where this frame's bodies and camera ended up. */
  labels: 0.75,
  render: 1,
  /** After rendering: copies for the automation handle, outside the measured time. */
  probe: 2,
} as const;
