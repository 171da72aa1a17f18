/** The angle from `from` to `to` in (-π, π]. */
export function angleBetween(from: number, to: number): number {
  let d = (to - from) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** `yaw` turned towards `target` by at most `maxRate` rad/s over `dt` seconds, the short way round, in (-π, π]. */
export function turnTowards(yaw: number, target: number, maxRate: number, dt: number): number {
  const d = angleBetween(yaw, target);
  const step = maxRate * dt;
  return wrap(Math.abs(d) <= step ? yaw + d : yaw + Math.sign(d) * step);
}

function wrap(angle: number): number {
  return angleBetween(0, angle);
}
