/** Small numeric helpers shared by the geometry builders. Plain tuples keep the generator allocation-light and deterministic. */
export type Vec3 = [number, number, number];

export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
export const clamp01 = (t: number): number => Math.min(1, Math.max(0, t));
export const smoothstep = (edge0: number, edge1: number, x: number): number => {
  const t = clamp01((x - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
};

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const normalize = (a: Vec3): Vec3 => {
  const l = length(a);
  return l > 1e-12 ? scale(a, 1 / l) : [0, 1, 0];
};
export const mix = (a: Vec3, b: Vec3, t: number): Vec3 => [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];

/** Unit direction from polar angle `theta` (0 = straight up) and azimuth `phi` (0 = facing +Z, the VRM front; +90° = model's left, +X). */
export function sphericalDir(theta: number, phi: number): Vec3 {
  const s = Math.sin(theta);
  return [s * Math.sin(phi), Math.cos(theta), s * Math.cos(phi)];
}

export const deg = (d: number): number => (d * Math.PI) / 180;

/** Interpolates through sorted [x, y] keys, easing (smoothstep) between neighbours so silhouettes have no kinks. */
export function profile(keys: ReadonlyArray<readonly [number, number]>, x: number): number {
  const first = keys[0]!;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < keys.length; i++) {
    const [x1, y1] = keys[i]!;
    const [x0, y0] = keys[i - 1]!;
    if (x <= x1) return lerp(y0, y1, smoothstep(0, 1, (x - x0) / (x1 - x0)));
  }
  return keys[keys.length - 1]![1];
}
