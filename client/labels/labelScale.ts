/** How a floating label is drawn at a given camera distance. */
export interface LabelLook {
  scale: number;
  opacity: number;
}

export interface LabelFit {
  /** Distance (m) at which the label is drawn at its CSS size. */
  naturalAt: number;
  /** Limits, so near labels do not fill the screen and far ones stay legible. */
  minScale: number;
  maxScale: number;
  /** Optional visibility window: fully shown between `near` and `far`, fading over `fade` metres. */
  show?: { near: number; far: number; fade: number };
}

/** Scale and opacity of a label `distance` metres from the camera, quantised to avoid churn. */
export function labelLook(distance: number, fit: LabelFit, out: LabelLook): LabelLook {
  const raw = fit.naturalAt / Math.max(distance, 0.01);
  out.scale = quantise(Math.min(fit.maxScale, Math.max(fit.minScale, raw)), 0.02);
  let opacity = 1;
  if (fit.show) {
    const { near, far, fade } = fit.show;
    const fadeIn = (far + fade - distance) / fade;
    const fadeOut = (distance - (near - fade)) / fade;
    opacity = Math.min(1, Math.max(0, Math.min(fadeIn, fadeOut)));
  }
  out.opacity = quantise(opacity, 0.05);
  return out;
}

function quantise(value: number, step: number): number {
  return Math.round(value / step) * step;
}
