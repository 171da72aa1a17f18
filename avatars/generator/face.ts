/** Lays the face decals onto the head surface and records each expression as a morph target. */
import type { FaceDescription } from "./description";
import { EXPRESSIONS } from "./expressions";
import { faceDecals, type Decal } from "./faceDecals";
import { REST_FACE } from "./faceState";
import type { HeadSurface } from "./head";
import { add, scale, sub, type Vec3 } from "./math";
import type { MeshBuilder } from "./meshBuilder";

function placed(decals: Decal[], surface: HeadSurface): Array<{ p: Vec3; n: Vec3 }[]> {
  return decals.map((decal) =>
    decal.points.map(([x, y]) => {
      const { p, n } = surface.project(x, y);
      return { p: add(p, scale(n, decal.depth)), n };
    }),
  );
}

const area2 = (a: [number, number], b: [number, number], c: [number, number]): number =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

export function addFace(builder: MeshBuilder, surface: HeadSurface, face: FaceDescription, headBone: number, hk: number): void {
  const rest = faceDecals(REST_FACE, face, hk);
  const variants = EXPRESSIONS.map((e) => ({ name: e.name, decals: faceDecals(e.state, face, hk) }));
  const restPlaced = placed(rest, surface);
  const weights: [number, number][] = [[headBone, 1]];
  const firstVertex = rest.map((decal, d) => restPlaced[d]!.map(({ p, n }) => builder.addVertex(p, n, weights))[0]!);
  rest.forEach((decal, d) => {
    for (const tri of decal.tris) {
      // Shapes that start collapsed (tongue, blush) get their facing from the state where they are largest.
      let best = area2(decal.points[tri[0]]!, decal.points[tri[1]]!, decal.points[tri[2]]!);
      for (const v of variants) {
        const pts = v.decals[d]!.points;
        const a = area2(pts[tri[0]]!, pts[tri[1]]!, pts[tri[2]]!);
        if (Math.abs(a) > Math.abs(best)) best = a;
      }
      const [a, b, c] = tri.map((i) => firstVertex[d]! + i) as [number, number, number];
      if (best >= 0) builder.addTriangle(decal.material, a, b, c);
      else builder.addTriangle(decal.material, a, c, b);
    }
  });
  for (const variant of variants) {
    const moved = placed(variant.decals, surface);
    moved.forEach((points, d) =>
      points.forEach(({ p }, i) => {
        const delta = sub(p, restPlaced[d]![i]!.p);
        if (Math.abs(delta[0]) + Math.abs(delta[1]) + Math.abs(delta[2]) > 1e-7) builder.setMorph(variant.name, firstVertex[d]! + i, delta);
      }),
    );
    if (!builder.hasMorph(variant.name)) throw new Error(`expression ${variant.name} moves no vertex`);
  }
}
