/**
 * The head: an anime skull (wide cranium, narrow jaw, small pointed chin, a hint of a nose) as an
 * analytic surface, so the face features can be laid exactly onto it, plus ears.
 */
import type { BodyLayout } from "./layout";
import { add, cross, normalize, sphericalDir, sub, type Vec3 } from "./math";
import type { MeshBuilder } from "./meshBuilder";
import type { Rig } from "./rig";
import { addGrid, ring } from "./surface";

export class HeadSurface {
  readonly centre: Vec3;
  readonly radii: Vec3;
  private readonly k: number;

  constructor(
    layout: BodyLayout,
    private readonly jawTaper: number,
  ) {
    this.centre = layout.headCenter;
    this.radii = layout.headRadii;
    this.k = layout.headHeight / 0.25;
  }

  /** Offset from the centre of the skin point in unit direction `d`. */
  offset(d: Vec3): Vec3 {
    const [a, b, c] = this.radii;
    const [dx, dy, dz] = d;
    const low = Math.max(0, -dy);
    const jaw = 1 - 0.42 * this.jawTaper * low ** 1.7;
    const depth = dz >= 0 ? 1 - 0.1 * dx * dx - 0.18 * low ** 2 : 1.06 - 0.3 * low ** 1.4;
    const nose = 0.006 * this.k * Math.exp(-((dx / 0.07) ** 2) - ((dy + 0.3) / 0.09) ** 2) * Math.max(0, dz);
    return [a * dx * jaw, b * dy, c * dz * depth + nose];
  }

  point(d: Vec3): Vec3 {
    return add(this.centre, this.offset(d));
  }

  /** The skin point straight in front of head-local (x, y), with its outward normal. */
  project(x: number, y: number): { p: Vec3; n: Vec3 } {
    const p = this.frontPoint(x, y);
    const h = 0.0015;
    const n = normalize(cross(sub(this.frontPoint(x + h, y), this.frontPoint(x - h, y)), sub(this.frontPoint(x, y + h), this.frontPoint(x, y - h))));
    return { p, n: n[2] < 0 ? [-n[0], -n[1], -n[2]] : n };
  }

  private frontPoint(x: number, y: number): Vec3 {
    const [a, b] = this.radii;
    let dx = x / a;
    let dy = y / b;
    for (let i = 0; i < 40; i++) {
      const dz = Math.sqrt(Math.max(1e-6, 1 - dx * dx - dy * dy));
      const o = this.offset([dx, dy, dz]);
      dx = Math.max(-0.99, Math.min(0.99, dx + (x - o[0]) / a));
      dy = Math.max(-0.99, Math.min(0.99, dy + (y - o[1]) / b));
    }
    const dz = Math.sqrt(Math.max(1e-6, 1 - dx * dx - dy * dy));
    return this.point([dx, dy, dz]);
  }
}

export function addHead(builder: MeshBuilder, rig: Rig, surface: HeadSurface): void {
  const head: [number, number][] = [[rig.index("head"), 1]];
  const rows: Vec3[][] = [];
  const latitudes = 26;
  const longitudes = 36;
  for (let i = 1; i < latitudes; i++) {
    const theta = (i / latitudes) * Math.PI;
    const row: Vec3[] = [];
    for (let j = 0; j < longitudes; j++) row.push(surface.point(sphericalDir(theta, (j / longitudes) * Math.PI * 2)));
    rows.push(row);
  }
  addGrid(builder, rows, { material: "skin", weights: () => head, capStart: true, capEnd: true });
  const k = rig.layout.k;
  for (const side of [1, -1]) {
    const base = surface.point(normalize([side, -0.12, -0.08]));
    const earRows: Vec3[][] = [];
    const n = 8;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const y = base[1] + 0.028 * k - t * 0.05 * k;
      const half = Math.sin(Math.PI * Math.min(0.97, Math.max(0.08, t))) * 0.016 * k * (1 - 0.3 * t);
      earRows.push(ring([base[0] + side * (0.002 * k + t * 0.002 * k), y, base[2] - 0.004 * k], [0, 0, 1], [side, 0, 0], half, half * 0.35, 10));
    }
    addGrid(builder, earRows, { material: "skin", weights: () => head, capStart: true, capEnd: true });
  }
}
