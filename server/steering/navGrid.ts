import { BODY_RADIUS, insideBounds, obstacleDistance, slideMove, type Obstacle, type Walkable } from "../../shared/world";

/** Metres per grid cell: fine enough for doorways a body fits through, coarse enough for fast A*. */
export const NAV_CELL_METRES = 0.25;
/**
 * Cells are open when a body standing at their centre clears every obstacle by this much more
 * than its radius: a path between open cell centres then never grazes a wall.
 */
const CLEARANCE_MARGIN = 0.05;

/**
 * Where a body may stand in a world, as a grid of open and blocked cells over its bounds:
 * obstacles are inflated by the body radius once, when the grid is built, so path finding and
 * line-of-sight tests are array look-ups.
 */
export class NavGrid {
  readonly cols: number;
  readonly rows: number;
  /** 1 where a body may stand at the cell's centre, 0 where it may not. Row-major: row * cols + col. */
  readonly open: Uint8Array;
  /** 1 where a body may stand anywhere in the cell: no exact obstacle test needed there. */
  readonly clear: Uint8Array;
  private readonly minX: number;
  private readonly minZ: number;

  constructor(
    readonly walkable: Walkable,
    readonly cell = NAV_CELL_METRES,
  ) {
    const b = walkable.world.bounds;
    this.minX = b.minX;
    this.minZ = b.minZ;
    this.cols = Math.max(1, Math.ceil((b.maxX - b.minX) / cell));
    this.rows = Math.max(1, Math.ceil((b.maxZ - b.minZ) / cell));
    this.open = new Uint8Array(this.cols * this.rows);
    this.clear = new Uint8Array(this.cols * this.rows);
    const halfDiagonal = (cell * Math.SQRT2) / 2;
    const openClearance = BODY_RADIUS + CLEARANCE_MARGIN;
    const clearClearance = BODY_RADIUS + halfDiagonal;
    const reach = walkable.obstacles.map((o) => ({ obstacle: o, x: o.center[0], z: o.center[1], within: (boundingRadius(o) + clearClearance) ** 2 }));
    for (let row = 0; row < this.rows; row++) {
      for (let col = 0; col < this.cols; col++) {
        const x = this.centreX(col);
        const z = this.centreZ(row);
        // Only obstacles whose bounding circle comes within reach can matter; the rest are far.
        let clearance = Infinity;
        for (const r of reach) {
          if ((x - r.x) ** 2 + (z - r.z) ** 2 >= r.within) continue;
          clearance = Math.min(clearance, obstacleDistance(r.obstacle, x, z));
        }
        const index = row * this.cols + col;
        // Bounds need only the radius: they are straight, with no corners to graze.
        this.open[index] = clearance >= openClearance && insideBounds(walkable, x, z, BODY_RADIUS) ? 1 : 0;
        this.clear[index] = clearance >= clearClearance && insideBounds(walkable, x, z, clearClearance) ? 1 : 0;
      }
    }
  }

  colOf(x: number): number {
    return clamp(Math.floor((x - this.minX) / this.cell), 0, this.cols - 1);
  }

  rowOf(z: number): number {
    return clamp(Math.floor((z - this.minZ) / this.cell), 0, this.rows - 1);
  }

  centreX(col: number): number {
    return this.minX + (col + 0.5) * this.cell;
  }

  centreZ(row: number): number {
    return this.minZ + (row + 0.5) * this.cell;
  }

  /** Whether the cell holding (x, z) is open. */
  openAt(x: number, z: number): boolean {
    return this.open[this.rowOf(z) * this.cols + this.colOf(x)] === 1;
  }

  /**
   * Where a body stepping from (fromX, fromZ) to (toX, toZ) ends up, as slideMove has it (sliding
   * along walls), with the exact obstacle tests skipped when the step ends in a clear cell.
   */
  slide(fromX: number, fromZ: number, toX: number, toZ: number, out: { x: number; z: number }): { x: number; z: number } {
    if (this.clear[this.rowOf(toZ) * this.cols + this.colOf(toX)] === 1) {
      out.x = toX;
      out.z = toZ;
      return out;
    }
    return slideMove(this.walkable, fromX, fromZ, toX, toZ, out);
  }

  /** The open cell nearest to (x, z) within `searchCells` rings, as an index; -1 when none. */
  nearestOpen(x: number, z: number, searchCells = 8): number {
    const col = this.colOf(x);
    const row = this.rowOf(z);
    let best = -1;
    let bestDistance = Infinity;
    for (let ring = 0; ring <= searchCells && best < 0; ring++) {
      for (let r = row - ring; r <= row + ring; r++) {
        for (let c = col - ring; c <= col + ring; c++) {
          if (r < 0 || c < 0 || r >= this.rows || c >= this.cols) continue;
          if (Math.max(Math.abs(r - row), Math.abs(c - col)) !== ring) continue;
          const index = r * this.cols + c;
          if (this.open[index] !== 1) continue;
          const d = Math.hypot(this.centreX(c) - x, this.centreZ(r) - z);
          if (d < bestDistance) {
            bestDistance = d;
            best = index;
          }
        }
      }
    }
    return best;
  }
}

/** The radius of a circle round an obstacle's centre that holds all of it. */
function boundingRadius(o: Obstacle): number {
  return o.type === "circle" ? o.radius : Math.hypot(o.size[0], o.size[1]) / 2;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}
