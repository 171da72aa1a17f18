import {
  CAMERA_DISTANCE_MAX,
  CAMERA_DISTANCE_MIN,
  CAMERA_PITCH_MAX,
  CAMERA_PITCH_MIN,
  cameraRig,
} from "./localPlayer";

const YAW_PER_PIXEL = 0.0055;
const PITCH_PER_PIXEL = 0.0045;

/**
 * Mouse look on the canvas: drag to orbit the camera, double-click for pointer lock (Escape
 * releases it), wheel to zoom. Returns the cleanup.
 */
export function trackPointerLook(canvas: HTMLCanvasElement): () => void {
  let dragging = false;

  const look = (dx: number, dy: number) => {
    // Dragging right turns the view right, like turning your head.
    cameraRig.yaw -= dx * YAW_PER_PIXEL;
    cameraRig.pitch = Math.min(CAMERA_PITCH_MAX, Math.max(CAMERA_PITCH_MIN, cameraRig.pitch + dy * PITCH_PER_PIXEL));
  };
  const onDown = (event: PointerEvent) => {
    if (event.button !== 0 && event.button !== 2) return;
    dragging = true;
    canvas.setPointerCapture(event.pointerId);
    // Clicking the world leaves the chat input, so the keys move the player again.
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      document.activeElement.blur();
    }
  };
  const onMove = (event: PointerEvent) => {
    if (dragging || document.pointerLockElement === canvas) look(event.movementX, event.movementY);
  };
  const onUp = (event: PointerEvent) => {
    dragging = false;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
  };
  const onDoubleClick = () => {
    if (document.pointerLockElement !== canvas) void Promise.resolve(canvas.requestPointerLock()).catch(() => undefined);
  };
  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const factor = Math.exp(event.deltaY * 0.0012);
    cameraRig.distance = Math.min(CAMERA_DISTANCE_MAX, Math.max(CAMERA_DISTANCE_MIN, cameraRig.distance * factor));
  };
  const onContextMenu = (event: Event) => event.preventDefault();

  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("pointermove", onMove);
  canvas.addEventListener("pointerup", onUp);
  canvas.addEventListener("pointercancel", onUp);
  canvas.addEventListener("dblclick", onDoubleClick);
  canvas.addEventListener("wheel", onWheel, { passive: false });
  canvas.addEventListener("contextmenu", onContextMenu);
  return () => {
    canvas.removeEventListener("pointerdown", onDown);
    canvas.removeEventListener("pointermove", onMove);
    canvas.removeEventListener("pointerup", onUp);
    canvas.removeEventListener("pointercancel", onUp);
    canvas.removeEventListener("dblclick", onDoubleClick);
    canvas.removeEventListener("wheel", onWheel);
    canvas.removeEventListener("contextmenu", onContextMenu);
  };
}
