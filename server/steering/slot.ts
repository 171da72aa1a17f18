import { clearLine } from "./lineOfSight";
import type { NavGrid } from "./navGrid";

/** Sideways from the owner's line of travel to the slot, metres. */
export const SLOT_SIDE_METRES = 1.1;
/** Back from the owner along their heading: beside and a little behind, in peripheral view. */
export const SLOT_BACK_METRES = 0.35;
/** Straight behind (or ahead), for when neither side has room (a corridor, a doorway). */
export const SLOT_BEHIND_METRES = 1.2;
/**
 * The companion changes sides only once it is this far over the owner's line of travel: turning
 * round swaps sides without a walk across the owner's path, and wobbles never do.
 */
const SIDE_SWITCH_METRES = 0.5;

/** +1: the owner's right hand; -1: their left; 0: straight behind. */
export type Side = 1 | -1 | 0;

export interface Slot {
  x: number;
  z: number;
  side: Side;
}

/**
 * The comfortable place for a companion next to an owner at (ox, oz) heading (hx, hz) (a unit
 * vector: their direction of travel, or their facing when standing): on the side it is already
 * on (see SIDE_SWITCH_METRES), else the other, else behind (or ahead); a place counts when a body can stand
 * there and the owner can see it (no wall between them). Writes into `out`, allocates nothing.
 */
export function chooseSlot(grid: NavGrid, ox: number, oz: number, hx: number, hz: number, companionX: number, companionZ: number, side: Side, out: Slot): Slot {
  // Forward (hx, hz) has its right hand at (-hz, hx).
  const rightX = -hz;
  const rightZ = hx;
  const across = (companionX - ox) * rightX + (companionZ - oz) * rightZ;
  let preferred: 1 | -1 = side === 0 ? (across >= 0 ? 1 : -1) : side;
  if (preferred * across < -SIDE_SWITCH_METRES) preferred = -preferred as 1 | -1;
  for (let k = 0; k < 2; k++) {
    const candidate = k === 0 ? preferred : (-preferred as 1 | -1);
    const x = ox + rightX * candidate * SLOT_SIDE_METRES - hx * SLOT_BACK_METRES;
    const z = oz + rightZ * candidate * SLOT_SIDE_METRES - hz * SLOT_BACK_METRES;
    if (usable(grid, ox, oz, x, z)) return set(out, x, z, candidate);
  }
  // No room at either side (a corridor): behind the owner, or leading when already in front,
  // since getting behind would mean walking through them.
  const ahead = (companionX - ox) * hx + (companionZ - oz) * hz;
  const lead = ahead > 0 ? 1 : -1;
  return set(out, ox + lead * hx * SLOT_BEHIND_METRES, oz + lead * hz * SLOT_BEHIND_METRES, 0);
}

function usable(grid: NavGrid, ox: number, oz: number, x: number, z: number): boolean {
  if (!grid.openAt(x, z)) return false;
  // The owner may stand where the grid's margin closes the cell; look from the slot's side then.
  return clearLine(grid, x, z, ox + (x - ox) * 0.3, oz + (z - oz) * 0.3);
}

function set(out: Slot, x: number, z: number, side: Side): Slot {
  out.x = x;
  out.z = z;
  out.side = side;
  return out;
}

/**
 * Where to put a companion appearing next to its owner (joining, or catching up): the slot on
 * `side` (or the other, or behind), else the open place nearest the owner, else the owner's spot.
 */
export function appearBeside(grid: NavGrid, ox: number, oz: number, hx: number, hz: number, side: Side, out: Slot): Slot {
  chooseSlot(grid, ox, oz, hx, hz, ox, oz, side, out);
  if (grid.openAt(out.x, out.z)) return out;
  const cell = grid.nearestOpen(ox, oz);
  if (cell < 0) return set(out, ox, oz, 0);
  const col = cell % grid.cols;
  return set(out, grid.centreX(col), grid.centreZ((cell - col) / grid.cols), 0);
}

/** Places tried round the owner when the slot is taken: rings (metres), and bearings per ring. */
const FREE_RINGS: readonly number[] = [Math.hypot(SLOT_SIDE_METRES, SLOT_BACK_METRES), 1.5, 1.9, 2.3, 2.7];
const FREE_BEARINGS = 12;
/** A spot is free when nobody stands within this (a little over touching, centre to centre). */
const FREE_METRES = 0.7;

/**
 * Like appearBeside, but not on top of anyone in `others`: when the slot is taken, the nearest
 * free open place on rings round the owner, starting at the slot's bearing and fanning out
 * (behind first). Falls back to appearBeside's place when every spot is taken. For arrivals,
 * not per tick: it looks at every body for every spot.
 */
export function appearBesideFree(grid: NavGrid, ox: number, oz: number, hx: number, hz: number, others: readonly { x: number; z: number }[], out: Slot): Slot {
  appearBeside(grid, ox, oz, hx, hz, 1, out);
  if (free(others, out.x, out.z)) return out;
  const fallback = { x: out.x, z: out.z, side: out.side };
  // Bearing θ points along right·cos θ − heading·sin θ: 0 is the right hand, π/2 straight behind.
  const slotBearing = Math.atan2(SLOT_BACK_METRES, SLOT_SIDE_METRES);
  for (const ring of FREE_RINGS) {
    for (let k = 0; k < FREE_BEARINGS; k++) {
      const fan = Math.ceil(k / 2) * (k % 2 === 1 ? 1 : -1);
      const bearing = slotBearing + (fan * 2 * Math.PI) / FREE_BEARINGS;
      const x = ox - hz * ring * Math.cos(bearing) - hx * ring * Math.sin(bearing);
      const z = oz + hx * ring * Math.cos(bearing) - hz * ring * Math.sin(bearing);
      if (grid.openAt(x, z) && free(others, x, z)) return set(out, x, z, 0);
    }
  }
  return set(out, fallback.x, fallback.z, fallback.side);
}

function free(others: readonly { x: number; z: number }[], x: number, z: number): boolean {
  for (const o of others) if (Math.hypot(o.x - x, o.z - z) < FREE_METRES) return false;
  return true;
}
