import type { KindredHandle } from "../../../client/automation/kindredHandle";
import type { Region } from "./pixels";

export interface Point {
  x: number;
  y: number;
  z: number;
}

/** Where a world point lands in a screenshot of `width` × `height` pixels, or null when behind the camera. */
export function projectToScreen(camera: KindredHandle["camera"], p: Point, width: number, height: number): { x: number; y: number } | null {
  const m = camera.viewProjection;
  const w = m[3]! * p.x + m[7]! * p.y + m[11]! * p.z + m[15]!;
  if (w <= 0) return null;
  const ndcX = (m[0]! * p.x + m[4]! * p.y + m[8]! * p.z + m[12]!) / w;
  const ndcY = (m[1]! * p.x + m[5]! * p.y + m[9]! * p.z + m[13]!) / w;
  return { x: ((ndcX + 1) / 2) * width, y: ((1 - ndcY) / 2) * height };
}

/**
 * The screen box around a vertical span of the world (feet to head of a person): `bottom` and
 * `top` projected, `halfWidth` metres either side, clipped to the screenshot; null when off screen.
 */
export function projectedBox(
  camera: KindredHandle["camera"],
  bottom: Point,
  top: Point,
  halfWidth: number,
  width: number,
  height: number,
): Region | null {
  const low = projectToScreen(camera, bottom, width, height);
  const high = projectToScreen(camera, top, width, height);
  if (!low || !high) return null;
  const pixelsPerMetre = Math.abs(low.y - high.y) / Math.max(1e-6, Math.hypot(top.x - bottom.x, top.y - bottom.y, top.z - bottom.z));
  const half = halfWidth * pixelsPerMetre;
  const cx = (low.x + high.x) / 2;
  const x0 = Math.max(0, Math.floor(cx - half));
  const x1 = Math.min(width, Math.ceil(cx + half));
  const y0 = Math.max(0, Math.floor(Math.min(low.y, high.y)));
  const y1 = Math.min(height, Math.ceil(Math.max(low.y, high.y)));
  if (x1 - x0 < 2 || y1 - y0 < 2) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
