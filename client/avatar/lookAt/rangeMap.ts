import type { VRMLookAtRangeMap } from "@pixiv/three-vrm";

/**
 * `VRMLookAtRangeMap.map(src)` (three-vrm's arithmetic: Math's min and max, so NaN and −0 come
 * out as there), with its input and output in fields instead of an argument and a return value:
 * a number passed to or returned from a call the optimiser does not inline is boxed on the heap,
 * and in a large caller (an avatar's whole update) it often does not.
 */
export class RangeMapping {
  /** The input, degrees ≥ 0. Fields start as fractions so V8 keeps them as raw doubles. */
  src = 0.5;
  /** The last result. */
  out = 0.5;

  map(map: VRMLookAtRangeMap): void {
    this.out = map.outputScale * Math.max(Math.min(this.src / map.inputMaxValue, 1), 0);
  }

  /** The result clamped to 0…1, as an expression manager's `setValue` clamps a weight. */
  clampOut(): void {
    this.out = Math.max(Math.min(this.out, 1), 0);
  }
}
