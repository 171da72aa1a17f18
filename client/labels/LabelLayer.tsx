import type { RefObject } from "react";

/**
 * The page element floating labels are drawn into. drei's Html otherwise attaches to the
 * canvas's event root, which R3F sets up a moment after the first commit: labels created in
 * that first commit were re-created on the new root and lost their content. One fixed layer,
 * present before the canvas, avoids that.
 */
export const labelLayer: RefObject<HTMLElement | null> = { current: null };

/** Render before the Canvas, covering it exactly. */
export function LabelLayer() {
  return (
    <div
      className="label-layer"
      ref={(element) => {
        labelLayer.current = element;
      }}
    />
  );
}
