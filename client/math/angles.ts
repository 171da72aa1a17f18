/** The shortest signed angle from `from` to `to`, in −π…π. */
export function angleDelta(from: number, to: number): number {
  const d = (to - from) % (Math.PI * 2);
  if (d > Math.PI) return d - Math.PI * 2;
  if (d < -Math.PI) return d + Math.PI * 2;
  return d;
}

/** An angle wrapped to −π…π. */
export function wrapAngle(a: number): number {
  return angleDelta(0, a);
}

/** Turns `from` towards `to` by `fraction` of the shortest way, wrapped to −π…π. */
export function turnTowards(from: number, to: number, fraction: number): number {
  return wrapAngle(from + angleDelta(from, to) * fraction);
}
