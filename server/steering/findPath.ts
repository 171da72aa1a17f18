import type { NavGrid } from "./navGrid";
import { stringPull } from "./stringPull";

export interface Waypoint {
  x: number;
  z: number;
}

const SQRT2 = Math.SQRT2;
/** Neighbour offsets (col, row) and their costs in cells: 4 straight, then 4 diagonal. */
const STEPS: readonly (readonly [number, number, number])[] = [
  [1, 0, 1], [-1, 0, 1], [0, 1, 1], [0, -1, 1],
  [1, 1, SQRT2], [1, -1, SQRT2], [-1, 1, SQRT2], [-1, -1, SQRT2],
];

/**
 * A* over a NavGrid's open cells (8-connected, no cutting past a blocked corner), with scratch
 * arrays kept per grid and reset by a search counter instead of clearing: a search allocates
 * only the path it returns.
 */
class GridSearch {
  private readonly cost: Float64Array;
  private readonly from: Int32Array;
  private readonly seen: Uint32Array;
  private readonly closed: Uint32Array;
  private readonly heap: Int32Array;
  private readonly priority: Float64Array;
  private heapSize = 0;
  private search = 0;

  constructor(private readonly grid: NavGrid) {
    const n = grid.cols * grid.rows;
    this.cost = new Float64Array(n);
    this.from = new Int32Array(n);
    this.seen = new Uint32Array(n);
    this.closed = new Uint32Array(n);
    // A cell is pushed at most once per improvement; 8 per cell bounds it.
    this.heap = new Int32Array(n * 8);
    this.priority = new Float64Array(n * 8);
  }

  /** Cell indices from start to goal (both included), or undefined when the goal cannot be reached. */
  cells(start: number, goal: number): number[] | undefined {
    const { grid } = this;
    const search = ++this.search;
    const goalCol = goal % grid.cols;
    const goalRow = (goal - goalCol) / grid.cols;
    this.heapSize = 0;
    this.cost[start] = 0;
    this.from[start] = -1;
    this.seen[start] = search;
    this.push(start, octile(start % grid.cols, Math.floor(start / grid.cols), goalCol, goalRow));
    while (this.heapSize > 0) {
      const current = this.pop();
      if (current === goal) return this.trace(goal);
      if (this.closed[current] === search) continue;
      this.closed[current] = search;
      const col = current % grid.cols;
      const row = (current - col) / grid.cols;
      for (const [dc, dr, stepCost] of STEPS) {
        const c = col + dc;
        const r = row + dr;
        if (c < 0 || r < 0 || c >= grid.cols || r >= grid.rows) continue;
        const next = r * grid.cols + c;
        if (grid.open[next] !== 1 || this.closed[next] === search) continue;
        // A diagonal step needs both cells beside it open, or it clips the corner between them.
        if (dc !== 0 && dr !== 0 && (grid.open[row * grid.cols + c] !== 1 || grid.open[r * grid.cols + col] !== 1)) continue;
        const cost = this.cost[current]! + stepCost;
        if (this.seen[next] === search && cost >= this.cost[next]!) continue;
        this.seen[next] = search;
        this.cost[next] = cost;
        this.from[next] = current;
        this.push(next, cost + octile(c, r, goalCol, goalRow));
      }
    }
    return undefined;
  }

  private trace(goal: number): number[] {
    const cells: number[] = [];
    for (let cell = goal; cell !== -1; cell = this.from[cell]!) cells.push(cell);
    return cells.reverse();
  }

  private push(cell: number, priority: number): void {
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.priority[parent]! <= priority) break;
      this.heap[i] = this.heap[parent]!;
      this.priority[i] = this.priority[parent]!;
      i = parent;
    }
    this.heap[i] = cell;
    this.priority[i] = priority;
  }

  private pop(): number {
    const top = this.heap[0]!;
    const lastCell = this.heap[--this.heapSize]!;
    const lastPriority = this.priority[this.heapSize]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.heapSize) break;
      if (child + 1 < this.heapSize && this.priority[child + 1]! < this.priority[child]!) child++;
      if (this.priority[child]! >= lastPriority) break;
      this.heap[i] = this.heap[child]!;
      this.priority[i] = this.priority[child]!;
      i = child;
    }
    this.heap[i] = lastCell;
    this.priority[i] = lastPriority;
    return top;
  }
}

function octile(c: number, r: number, goalCol: number, goalRow: number): number {
  const dx = Math.abs(c - goalCol);
  const dz = Math.abs(r - goalRow);
  return Math.max(dx, dz) + (SQRT2 - 1) * Math.min(dx, dz);
}

const searches = new WeakMap<NavGrid, GridSearch>();

/**
 * A walkable route from (fromX, fromZ) to (toX, toZ): the corners a body has to pass, ending at
 * the goal, smoothed by string-pulling (every corner that can be seen past is dropped). Ends
 * that lie in blocked cells are moved to the nearest open cell. Undefined when there is no route.
 */
export function findPath(grid: NavGrid, fromX: number, fromZ: number, toX: number, toZ: number): Waypoint[] | undefined {
  const start = grid.nearestOpen(fromX, fromZ);
  const goal = grid.nearestOpen(toX, toZ);
  if (start < 0 || goal < 0) return undefined;
  let search = searches.get(grid);
  if (!search) {
    search = new GridSearch(grid);
    searches.set(grid, search);
  }
  const cells = search.cells(start, goal);
  if (!cells) return undefined;
  const points = cells.map((cell) => centreOf(grid, cell));
  const end = grid.openAt(toX, toZ) ? { x: toX, z: toZ } : points[points.length - 1]!;
  points[points.length - 1] = end;
  return stringPull(grid, grid.openAt(fromX, fromZ) ? { x: fromX, z: fromZ } : points[0]!, points);
}

function centreOf(grid: NavGrid, cell: number): Waypoint {
  const col = cell % grid.cols;
  return { x: grid.centreX(col), z: grid.centreZ((cell - col) / grid.cols) };
}
