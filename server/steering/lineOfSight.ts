import type { NavGrid } from "./navGrid";

/**
 * Whether a body can walk straight from (ax, az) to (bx, bz) through open cells only. Samples
 * the segment at half a cell, so no blocked cell is stepped over; no allocation.
 */
export function clearLine(grid: NavGrid, ax: number, az: number, bx: number, bz: number): boolean {
  const length = Math.hypot(bx - ax, bz - az);
  const steps = Math.max(1, Math.ceil(length / (grid.cell * 0.5)));
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    if (!grid.openAt(ax + (bx - ax) * t, az + (bz - az) * t)) return false;
  }
  return true;
}
