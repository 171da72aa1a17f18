import type { Walkable, WorldDefinition } from "../../shared/world";
import { NavGrid } from "./navGrid";

/** One grid per world definition: every room of a world shares it, built on first use. */
const grids = new WeakMap<WorldDefinition, NavGrid>();

export function navGridFor(walkable: Walkable): NavGrid {
  let grid = grids.get(walkable.world);
  if (!grid) {
    grid = new NavGrid(walkable);
    grids.set(walkable.world, grid);
  }
  return grid;
}
