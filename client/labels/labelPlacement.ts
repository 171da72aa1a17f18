import { Vector3, type Camera } from "three";
import { labelLook, type LabelFit, type LabelLook } from "./labelScale";

/** Where and how a floating label is drawn this frame, in CSS pixels of the label layer. */
export interface LabelPlacement extends LabelLook {
  /** The label's centre. */
  x: number;
  y: number;
  /** Stacking: its layer first (bubbles over names over signs), then nearer over farther. */
  zIndex: number;
}

/** How far past the edge of the view (in normalised device units) a label may still show a part. */
const OFF_VIEW_MARGIN = 0.5;
/** Positions snap to quarter pixels: a label that has not visibly moved is not written again. */
const PIXEL_STEP = 0.25;
/** Stacking steps within a layer, one per metre of distance. */
const DEPTH_STEPS = 100;

const eye = new Vector3();
const projected = new Vector3();

/** Nothing written yet: every property differs from any real placement. */
export function hiddenPlacement(): LabelPlacement {
  return { x: NaN, y: NaN, scale: NaN, opacity: 0, zIndex: NaN };
}

/**
 * Places the label anchored at `world` for `camera` over a `width` × `height` view, into `out`.
 * A label behind the camera or well outside the view gets opacity 0 (nothing to draw, nothing
 * to move). The camera's world matrices must be current.
 */
export function placeLabel(
  world: Vector3,
  camera: Camera,
  width: number,
  height: number,
  fit: LabelFit,
  layer: number,
  out: LabelPlacement,
): LabelPlacement {
  eye.setFromMatrixPosition(camera.matrixWorld);
  const distance = world.distanceTo(eye);
  labelLook(distance, fit, out);
  projected.copy(world).applyMatrix4(camera.matrixWorldInverse);
  // Behind the camera (it looks down −Z): projecting would mirror the label onto the view.
  if (projected.z >= 0) out.opacity = 0;
  if (out.opacity === 0) return out;
  projected.applyMatrix4(camera.projectionMatrix);
  if (Math.abs(projected.x) > 1 + OFF_VIEW_MARGIN || Math.abs(projected.y) > 1 + OFF_VIEW_MARGIN) {
    out.opacity = 0;
    return out;
  }
  out.x = snap((projected.x + 1) * 0.5 * width);
  out.y = snap((1 - projected.y) * 0.5 * height);
  out.zIndex = layer * DEPTH_STEPS + DEPTH_STEPS - 1 - Math.min(DEPTH_STEPS - 1, Math.round(distance));
  return out;
}

/**
 * The style properties a placement writes (an element's `style`). The label's stylesheet
 * centres it on its point (`transform: translate(-50%, -50%)` from a top-left origin), so a
 * moving label rewrites only the short `translate`, and `scale` only when its size steps.
 */
export interface PlacementStyle {
  translate: string;
  scale: string;
  opacity: string;
  visibility: string;
  zIndex: string;
}

/**
 * Writes `next` into `style`, touching only what differs from `shown` (the last placement
 * written, updated here): unchanged labels cost no style work, hidden ones are not moved.
 */
export function writePlacement(style: PlacementStyle, next: LabelPlacement, shown: LabelPlacement): void {
  if (next.opacity !== shown.opacity) {
    style.opacity = String(next.opacity);
    style.visibility = next.opacity === 0 ? "hidden" : "visible";
    shown.opacity = next.opacity;
  }
  if (next.opacity === 0) return;
  if (next.x !== shown.x || next.y !== shown.y) {
    style.translate = `${next.x}px ${next.y}px`;
    shown.x = next.x;
    shown.y = next.y;
  }
  if (next.scale !== shown.scale) {
    style.scale = String(next.scale);
    shown.scale = next.scale;
  }
  if (next.zIndex !== shown.zIndex) {
    style.zIndex = String(next.zIndex);
    shown.zIndex = next.zIndex;
  }
}

function snap(pixels: number): number {
  return Math.round(pixels / PIXEL_STEP) * PIXEL_STEP;
}
