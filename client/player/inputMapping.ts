/** What a held key asks the player to do. */
export type MoveAction = "forward" | "back" | "left" | "right" | "run" | "turnLeft" | "turnRight";

/** Physical key codes (layout-independent: WASD stays where it is on AZERTY). */
const ACTIONS: Readonly<Record<string, MoveAction>> = {
  KeyW: "forward",
  ArrowUp: "forward",
  KeyS: "back",
  ArrowDown: "back",
  KeyA: "left",
  ArrowLeft: "left",
  KeyD: "right",
  ArrowRight: "right",
  ShiftLeft: "run",
  ShiftRight: "run",
  KeyQ: "turnLeft",
  KeyE: "turnRight",
};

export function actionForKey(code: string): MoveAction | null {
  return ACTIONS[code] ?? null;
}

/** The movement asked for right now: axes in −1…1 relative to the camera, the diagonal not faster. */
export interface MovementIntent {
  /** +1 away from the camera. */
  forward: number;
  /** +1 to the camera's right. */
  right: number;
  run: boolean;
  /** Camera turn from the keyboard: +1 turns the view right. */
  turn: number;
}

export function createIntent(): MovementIntent {
  return { forward: 0, right: 0, run: false, turn: 0 };
}

/** Fills `out` from the held actions (no allocation: called every frame). */
export function intentFromActions(held: ReadonlySet<MoveAction>, out: MovementIntent): MovementIntent {
  const forward = (held.has("forward") ? 1 : 0) - (held.has("back") ? 1 : 0);
  const right = (held.has("right") ? 1 : 0) - (held.has("left") ? 1 : 0);
  const length = Math.hypot(forward, right);
  out.forward = length > 0 ? forward / length : 0;
  out.right = length > 0 ? right / length : 0;
  out.run = held.has("run");
  out.turn = (held.has("turnRight") ? 1 : 0) - (held.has("turnLeft") ? 1 : 0);
  return out;
}

/** Keys typed into a text field belong to that field, never to the player. */
export function isTextEntryTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  const tag = element.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable === true;
}
