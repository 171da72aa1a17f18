/**
 * Turns a grid of points (rows of rings along a shape's length) into smooth, outward-facing
 * triangles. Rings share vertices around the wrap, so there is no seam in the shading.
 */
import { add, cross, dot, normalize, scale, sub, type Vec3 } from "./math";
import type { BoneWeights, MeshBuilder } from "./meshBuilder";

export interface GridOptions {
  material: string;
  weights: (p: Vec3, row: number, col: number) => BoneWeights;
  /** Columns wrap around (a tube); false for an open sheet. */
  wrap?: boolean;
  /** Close the first / last ring with a fan (for tubes whose ends are visible). */
  capStart?: boolean;
  capEnd?: boolean;
  /** Reverse the facing (for a sheet whose outside is towards the ring centre). */
  inward?: boolean;
}

/** Adds the grid and returns its vertex indices, [row][col]. */
export function addGrid(builder: MeshBuilder, rows: Vec3[][], options: GridOptions): number[][] {
  const wrap = options.wrap ?? true;
  const cols = rows[0]!.length;
  const points: Vec3[] = rows.flat();
  const at = (r: number, c: number): number => r * cols + (wrap ? c % cols : c);
  const tris: Array<[number, number, number]> = [];
  for (let r = 0; r + 1 < rows.length; r++) {
    for (let c = 0; c < (wrap ? cols : cols - 1); c++) {
      tris.push([at(r, c), at(r + 1, c), at(r, c + 1)], [at(r, c + 1), at(r + 1, c), at(r + 1, c + 1)]);
    }
  }
  const centres = rows.map((row) => scale(row.reduce((s, p) => add(s, p), [0, 0, 0] as Vec3), 1 / row.length));
  const caps: Array<{ centre: Vec3; row: number; index: number }> = [];
  if (options.capStart) caps.push({ centre: centres[0]!, row: 0, index: points.push(centres[0]!) - 1 });
  if (options.capEnd) {
    const last = rows.length - 1;
    caps.push({ centre: centres[last]!, row: last, index: points.push(centres[last]!) - 1 });
  }
  for (const cap of caps) {
    for (let c = 0; c < (wrap ? cols : cols - 1); c++) {
      const a = at(cap.row, c);
      const b = at(cap.row, c + 1);
      tris.push(cap.row === 0 ? [cap.index, a, b] : [cap.index, b, a]);
    }
  }
  // Decide the facing from the body of the grid: normals should point away from each ring's centre.
  let outward = 0;
  for (const [a, b, c] of tris) {
    const n = cross(sub(points[b]!, points[a]!), sub(points[c]!, points[a]!));
    const row = Math.min(Math.floor(a / cols), rows.length - 1);
    outward += dot(n, sub(points[a]!, centres[row]!));
  }
  const flip = (outward < 0) !== (options.inward ?? false);
  const normals: Vec3[] = points.map(() => [0, 0, 0]);
  for (const tri of tris) {
    if (flip) [tri[1], tri[2]] = [tri[2], tri[1]];
    const [a, b, c] = tri;
    const n = cross(sub(points[b]!, points[a]!), sub(points[c]!, points[a]!));
    for (const v of tri) normals[v] = add(normals[v]!, n);
  }
  for (const cap of caps) {
    const ringDir = normalize(sub(cap.centre, centres[cap.row === 0 ? 1 : cap.row - 1] ?? cap.centre));
    normals[cap.index] = ringDir;
  }
  const base = builder.vertexCount;
  points.forEach((p, i) => {
    const row = Math.min(Math.floor(i / cols), rows.length - 1);
    builder.addVertex(p, normalize(normals[i]!), options.weights(p, row, i % cols));
  });
  for (const [a, b, c] of tris) builder.addTriangle(options.material, base + a, base + b, base + c);
  return rows.map((_, r) => Array.from({ length: cols }, (_, c) => base + at(r, c)));
}

/** A ring of `segments` points around `centre` in the plane spanned by unit vectors `u`, `v`. */
export function ring(centre: Vec3, u: Vec3, v: Vec3, ru: number, rv: number, segments: number, shape = 2): Vec3[] {
  const points: Vec3[] = [];
  for (let i = 0; i < segments; i++) {
    const a = (i / segments) * Math.PI * 2;
    const c = Math.cos(a);
    const s = Math.sin(a);
    // Superellipse: shape 2 is an ellipse, larger values square it off.
    const cu = Math.sign(c) * Math.abs(c) ** (2 / shape);
    const sv = Math.sign(s) * Math.abs(s) ** (2 / shape);
    points.push(add(centre, add(scale(u, cu * ru), scale(v, sv * rv))));
  }
  return points;
}

/** Two unit vectors perpendicular to `axis` (and to each other), stable for a given axis. */
export function frame(axis: Vec3, hint: Vec3 = [0, 1, 0]): [Vec3, Vec3] {
  const a = normalize(axis);
  const h = Math.abs(dot(a, normalize(hint))) > 0.95 ? ([0, 0, 1] as Vec3) : hint;
  const u = normalize(cross(a, h));
  const v = normalize(cross(u, a));
  return [u, v];
}
