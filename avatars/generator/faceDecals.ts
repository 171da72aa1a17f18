/**
 * Face features as flat 2D shapes in head-local coordinates (x to the avatar's left, y up,
 * metres from the head centre): big anime eyes with sclera, iris, pupil, highlights and lashes,
 * brows, and a mouth with tongue and teeth. The topology never changes with the state, so any
 * two states differ only in positions: that difference is a morph target.
 */
import type { FaceDescription } from "./description";
import type { BrowState, EyeState, FaceState, MouthState } from "./faceState";

export type P2 = [number, number];

export interface Decal {
  material: string;
  /** Height above the skin, metres: later layers sit in front of earlier ones. */
  depth: number;
  points: P2[];
  tris: Array<[number, number, number]>;
}

const FAN = 24;

function fan(material: string, depth: number, centre: P2, outline: P2[]): Decal {
  const tris: Array<[number, number, number]> = outline.map((_, i) => [0, i + 1, ((i + 1) % outline.length) + 1]);
  return { material, depth, points: [centre, ...outline], tris };
}

function strip(material: string, depth: number, lower: P2[], upper: P2[]): Decal {
  const n = lower.length;
  const tris: Array<[number, number, number]> = [];
  for (let i = 0; i + 1 < n; i++) tris.push([i, i + 1, n + i], [i + 1, n + i + 1, n + i]);
  return { material, depth, points: [...lower, ...upper], tris };
}

const ellipse = (cx: number, cy: number, rx: number, ry: number, n = FAN): P2[] =>
  Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as P2;
  });

/** One eye in eye-local coordinates (x outward from the nose), then placed on the face. */
function eye(state: EyeState, side: 1 | -1, face: FaceDescription, hk: number): Decal[] {
  const hw = 0.0172 * hk * face.eyeSize * state.scale;
  const ht = 0.0205 * hk * face.eyeSize * state.scale;
  const hb = 0.0175 * hk * face.eyeSize * state.scale;
  const cx = side * 0.034 * hk;
  const cy = -0.014 * hk;
  const outlineTop = (x: number) => ht * Math.sqrt(Math.max(0, 1 - (x / hw) ** 2)) ** 0.8;
  const outlineBottom = (x: number) => -hb * Math.sqrt(Math.max(0, 1 - (x / hw) ** 2));
  // The lid: a straight cut that lowers one end (inner for a glare, outer for sorrow).
  const lid = (x: number) => {
    const innerness = (1 - x / hw) / 2;
    const cut = state.lidTilt >= 0 ? state.lidTilt * innerness : -state.lidTilt * (1 - innerness);
    return outlineTop(x) - cut * ht * 1.1;
  };
  const closedLine = (x: number) => -0.3 * ht + state.closedCurve * 0.28 * ht * (1 - (x / hw) ** 2);
  const shape = (p: P2, keepInside: boolean): P2 => {
    let [x, y] = p;
    if (keepInside) {
      x = Math.max(-hw * 0.97, Math.min(hw * 0.97, x));
      y = Math.max(outlineBottom(x) * 0.97, Math.min(lid(x) * 0.97, y));
    } else {
      y = Math.min(y, Math.max(lid(x), outlineBottom(x)));
    }
    const line = closedLine(x);
    y = line + (y - line) * state.open;
    // Place: mirror to the side, tilt the outer corner.
    return [cx + side * x, cy + y + face.eyeTilt * x];
  };
  const outline: P2[] = Array.from({ length: FAN }, (_, i) => {
    const t = (i / FAN) * Math.PI * 2;
    const x = hw * Math.cos(t);
    return [x, Math.sin(t) >= 0 ? outlineTop(x) : outlineBottom(x)] as P2;
  });
  const irisX = state.lookX * side * hw * 0.38;
  const irisY = -0.12 * ht + state.lookY * ht * 0.32;
  const irisRx = hw * 0.66 * state.irisScale;
  const irisRy = ht * 0.86 * state.irisScale;
  const decals: Decal[] = [
    fan("sclera", 0.0006, shape([0, -0.1 * ht], true), outline.map((p) => shape(p, true))),
    fan("eyes", 0.0011, shape([irisX, irisY], true), ellipse(irisX, irisY, irisRx, irisRy).map((p) => shape(p, true))),
    fan("pupil", 0.0015, shape([irisX, irisY + 0.05 * ht], true), ellipse(irisX, irisY + 0.05 * ht, irisRx * 0.42, irisRy * 0.42, 16).map((p) => shape(p, true))),
    fan("highlight", 0.0019, shape([irisX + 0.28 * hw, irisY + 0.36 * ht], true), ellipse(irisX + 0.28 * hw, irisY + 0.36 * ht, hw * 0.2, hw * 0.22, 12).map((p) => shape(p, true))),
    fan("highlight", 0.0019, shape([irisX - 0.2 * hw, irisY - 0.4 * ht], true), ellipse(irisX - 0.2 * hw, irisY - 0.4 * ht, hw * 0.09, hw * 0.09, 8).map((p) => shape(p, true))),
  ];
  // Upper lash: thick at the outer corner with a small flick, thin at the inner corner.
  const lashN = 16;
  const lower: P2[] = [];
  const upper: P2[] = [];
  for (let i = 0; i <= lashN; i++) {
    const u = i / lashN;
    const x = hw * (1.12 - 2.1 * u);
    const inside = Math.max(-hw, Math.min(hw, x));
    const top = Math.max(lid(inside), outlineBottom(inside) + 0.05 * ht);
    const flick = x > hw ? (x - hw) * 1.2 : 0;
    const thick = ht * (0.1 + 0.2 * (1 - u) ** 1.5);
    const base = place([x, top - 0.06 * ht + flick]);
    lower.push(base);
    // A closed eye keeps a bold lash line: the thickness shrinks less than the opening.
    upper.push([base[0] + side * (x > hw ? 0.02 * hw : 0), base[1] + thick * (0.55 + 0.45 * state.open)]);
  }
  function place(p: P2): P2 {
    const line = closedLine(Math.max(-hw, Math.min(hw, p[0])));
    const y = line + (p[1] - line) * state.open;
    return [cx + side * p[0], cy + y + face.eyeTilt * p[0]];
  }
  decals.push(strip("lash", 0.0021, lower, upper));
  // Lower lash: a short thin line under the outer half.
  const lowLower: P2[] = [];
  const lowUpper: P2[] = [];
  for (let i = 0; i <= 6; i++) {
    const x = hw * (1.0 - 0.75 * (i / 6));
    const y = outlineBottom(x);
    lowLower.push(place([x, y - 0.07 * ht * (1 - i / 6) - 0.03 * ht]));
    lowUpper.push(place([x, y + 0.02 * ht]));
  }
  decals.push(strip("lash", 0.0019, lowLower, lowUpper));
  return decals;
}

function brow(state: BrowState, side: 1 | -1, face: FaceDescription, hk: number, eyeState: EyeState): Decal {
  const hw = 0.0172 * hk * face.eyeSize;
  const ht = 0.0205 * hk * face.eyeSize;
  const cx = side * 0.034 * hk;
  const cy = -0.014 * hk + ht * 1.55 + (eyeState.scale - 1) * ht;
  const lower: P2[] = [];
  const upper: P2[] = [];
  const n = 12;
  for (let i = 0; i <= n; i++) {
    const u = i / n;
    const x = hw * (-0.85 + 2.0 * u);
    const innerness = 1 - u;
    const y = ht * (0.22 * Math.sin(Math.PI * (0.15 + 0.8 * u)) + state.raise + state.inner * innerness ** 1.4) + face.eyeTilt * x * 0.6;
    const thick = ht * 0.2 * face.browWeight * (0.45 + 0.55 * Math.sin(Math.PI * Math.min(1, 0.25 + u * 0.85)));
    lower.push([cx + side * x, cy + y - thick * 0.5]);
    upper.push([cx + side * x, cy + y + thick * 0.5]);
  }
  return strip("hairBrow", 0.0012, lower, upper);
}

function mouth(state: MouthState, hk: number): Decal[] {
  const w = state.width * hk;
  const cy = -0.066 * hk;
  const line = 0.00075 * hk;
  const p = state.squareness;
  const prof = (x: number) => Math.max(0, 1 - Math.abs(x / w) ** p) ** (1 / p);
  const centreLine = (x: number) => state.smile * hk * ((x / w) ** 2 - 0.3);
  const top = (x: number) => cy + centreLine(x) + state.openTop * hk * prof(x) + line * prof(x);
  const bottom = (x: number) => cy + centreLine(x) - state.openBottom * hk * prof(x) - line * prof(x);
  const n = 28;
  const outline: P2[] = Array.from({ length: n }, (_, i) => {
    const t = (i / n) * Math.PI * 2;
    const x = w * Math.cos(t);
    return [x, Math.sin(t) >= 0 ? top(x) : bottom(x)] as P2;
  });
  const mid = (top(0) + bottom(0)) / 2;
  const openness = state.openBottom * hk;
  const tongue = ellipse(0, bottom(0) + openness * 0.3, w * 0.5, openness * 0.45, 16).map(
    ([x, y]) => [x, Math.max(bottom(x) + 0.0002, Math.min(mid, y))] as P2,
  );
  const teethN = 8;
  const teethTop: P2[] = [];
  const teethBottom: P2[] = [];
  for (let i = 0; i <= teethN; i++) {
    const x = w * (-0.72 + 1.44 * (i / teethN));
    teethTop.push([x, top(x) - 0.00015]);
    teethBottom.push([x, top(x) - Math.min(state.openTop * hk * 0.55, (top(x) - bottom(x)) * 0.4)]);
  }
  return [
    fan("mouthInner", 0.0005, [0, mid], outline),
    fan("tongue", 0.0008, [0, bottom(0) + openness * 0.3], tongue),
    strip("teeth", 0.0009, teethBottom, teethTop),
  ];
}

function blush(amount: number, side: 1 | -1, hk: number): Decal {
  const c: P2 = [side * 0.052 * hk, -0.043 * hk];
  return fan("blush", 0.0004, c, ellipse(c[0], c[1], 0.012 * hk * amount, 0.0055 * hk * amount, 14));
}

export function faceDecals(state: FaceState, face: FaceDescription, hk: number): Decal[] {
  return [
    ...eye(state.left, 1, face, hk),
    ...eye(state.right, -1, face, hk),
    brow(state.leftBrow, 1, face, hk, state.left),
    brow(state.rightBrow, -1, face, hk, state.right),
    ...mouth(state.mouth, hk),
    blush(state.blush, 1, hk),
    blush(state.blush, -1, hk),
  ];
}
