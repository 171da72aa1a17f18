/**
 * Moves `current` towards `target` by the fraction a first-order lag with time constant `tau`
 * covers in `dt` seconds: frame-rate independent, so a face eases the same at 30 and 120 fps.
 */
export function approach(current: number, target: number, dt: number, tau: number): number {
  if (tau <= 0) return target;
  return current + (target - current) * (1 - Math.exp(-dt / tau));
}

/** Hermite ease 0…1 between edges (0 below `edge0`, 1 above `edge1`). */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(Math.max((x - edge0) / (edge1 - edge0), 0), 1);
  return t * t * (3 - 2 * t);
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
