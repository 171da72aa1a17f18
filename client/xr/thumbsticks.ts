import type { MovementIntent } from "../player";

/** Below this deflection a thumbstick counts as centred (worn sticks drift). */
const DEAD_ZONE = 0.15;
/** xr-standard gamepad mapping: the thumbstick's axes and the trigger's button. */
const STICK_X_AXIS = 2;
const STICK_Y_AXIS = 3;
const TRIGGER_BUTTON = 0;

/** One controller's thumbstick (y < 0 is pushed forward) and whether its trigger is held. */
export interface ControllerInput {
  stickX: number;
  stickY: number;
  trigger: boolean;
}

export function createControllerInput(): ControllerInput {
  return { stickX: 0, stickY: 0, trigger: false };
}

/** Reads the controller of `handedness` from the session's input sources (all zero when absent). */
export function readController(sources: XRInputSourceArray, handedness: XRHandedness, out: ControllerInput): ControllerInput {
  out.stickX = 0;
  out.stickY = 0;
  out.trigger = false;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    const gamepad = source.gamepad;
    if (source.handedness !== handedness || !gamepad) continue;
    out.stickX = gamepad.axes[STICK_X_AXIS] ?? 0;
    out.stickY = gamepad.axes[STICK_Y_AXIS] ?? 0;
    out.trigger = gamepad.buttons[TRIGGER_BUTTON]?.pressed ?? false;
    return out;
  }
  return out;
}

/** The walking intent of a movement stick: analog speed, never faster diagonally. */
export function stickIntent(stickX: number, stickY: number, out: MovementIntent): MovementIntent {
  const length = Math.hypot(stickX, stickY);
  out.run = false;
  out.turn = 0;
  if (length < DEAD_ZONE) {
    out.forward = 0;
    out.right = 0;
    return out;
  }
  // Rescale past the dead zone so the smallest deliberate push starts from a crawl.
  const scale = Math.min(1, (length - DEAD_ZONE) / (1 - DEAD_ZONE)) / length;
  out.forward = -stickY * scale;
  out.right = stickX * scale;
  return out;
}
