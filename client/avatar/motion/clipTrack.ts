import type { Quaternion, Vector3 } from "three";

type Numbers = ArrayLike<number>;

/**
 * One keyframe track of a clip, sampled as three's QuaternionLinearInterpolant and
 * LinearInterpolant sample it (the same key found, the same arithmetic, the result rounded to
 * 32 bits as in their Float32 result buffer), with the slerp written out here: three's goes
 * through `Quaternion.slerpFlat` with seven arguments, and every number handed to a call the
 * optimiser does not inline is boxed on the heap. For the same reason the time to sample at is
 * read from `clock[0]` (shared by the tracks of one clip), not passed. Sampling makes no garbage.
 */
export class ClipTrack {
  /** The key found last, as `seek` returns it (clips play forwards: the next search starts there). */
  private key = 0;
  private readonly result: Float32Array;

  constructor(
    private readonly times: Numbers,
    private readonly values: Numbers,
    private readonly stride: 3 | 4,
    /** The time to sample at (s) in element 0, written by the caller before sampling. */
    private readonly clock: Float64Array,
  ) {
    if (times.length === 0 || values.length !== times.length * stride) {
      throw new Error(`a clip track needs keys and ${stride} values per key (got ${times.length} times, ${values.length} values)`);
    }
    this.result = new Float32Array(stride);
  }

  /** The rotation at the clock's time (a track of quaternions). */
  quaternion(out: Quaternion): Quaternion {
    const time = this.clock[0]!;
    const k = this.seek();
    const r = this.result;
    const v = this.values;
    if (k === 0 || k === this.times.length) {
      const o = k === 0 ? 0 : (k - 1) * 4;
      r[0] = v[o]!;
      r[1] = v[o + 1]!;
      r[2] = v[o + 2]!;
      r[3] = v[o + 3]!;
      return out.fromArray(r);
    }
    const o0 = (k - 1) * 4;
    const o1 = k * 4;
    const t0 = this.times[k - 1]!;
    let t = (time - t0) / (this.times[k]! - t0);
    let x0 = v[o0]!, y0 = v[o0 + 1]!, z0 = v[o0 + 2]!, w0 = v[o0 + 3]!;
    let x1 = v[o1]!, y1 = v[o1 + 1]!, z1 = v[o1 + 2]!, w1 = v[o1 + 3]!;
    // Quaternion.slerpFlat, step for step.
    if (w0 !== w1 || x0 !== x1 || y0 !== y1 || z0 !== z1) {
      let dot = x0 * x1 + y0 * y1 + z0 * z1 + w0 * w1;
      if (dot < 0) {
        x1 = -x1;
        y1 = -y1;
        z1 = -z1;
        w1 = -w1;
        dot = -dot;
      }
      let s = 1 - t;
      if (dot < 0.9995) {
        const theta = Math.acos(dot);
        const sin = Math.sin(theta);
        s = Math.sin(s * theta) / sin;
        t = Math.sin(t * theta) / sin;
        x0 = x0 * s + x1 * t;
        y0 = y0 * s + y1 * t;
        z0 = z0 * s + z1 * t;
        w0 = w0 * s + w1 * t;
      } else {
        x0 = x0 * s + x1 * t;
        y0 = y0 * s + y1 * t;
        z0 = z0 * s + z1 * t;
        w0 = w0 * s + w1 * t;
        const f = 1 / Math.sqrt(x0 * x0 + y0 * y0 + z0 * z0 + w0 * w0);
        x0 *= f;
        y0 *= f;
        z0 *= f;
        w0 *= f;
      }
    }
    r[0] = x0;
    r[1] = y0;
    r[2] = z0;
    r[3] = w0;
    return out.fromArray(r);
  }

  /** The position at the clock's time (a track of vectors). */
  vector(out: Vector3): Vector3 {
    const time = this.clock[0]!;
    const k = this.seek();
    const r = this.result;
    const v = this.values;
    if (k === 0 || k === this.times.length) {
      const o = k === 0 ? 0 : (k - 1) * 3;
      r[0] = v[o]!;
      r[1] = v[o + 1]!;
      r[2] = v[o + 2]!;
      return out.fromArray(r);
    }
    const o0 = (k - 1) * 3;
    const o1 = k * 3;
    const t0 = this.times[k - 1]!;
    const weight1 = (time - t0) / (this.times[k]! - t0);
    const weight0 = 1 - weight1;
    r[0] = v[o0]! * weight0 + v[o1]! * weight1;
    r[1] = v[o0 + 1]! * weight0 + v[o1 + 1]! * weight1;
    r[2] = v[o0 + 2]! * weight0 + v[o1 + 2]! * weight1;
    return out.fromArray(r);
  }

  /**
   * The first key whose time is after the clock's: 0 before the first key, the key count at or
   * after the last (where three's interpolants hold the first or last value), else k with
   * times[k − 1] ≤ time < times[k]. The time is read here, not passed (it would be boxed).
   */
  private seek(): number {
    const time = this.clock[0]!;
    const times = this.times;
    let k = this.key;
    while (k > 0 && time < times[k - 1]!) k--;
    while (k < times.length && !(time < times[k]!)) k++;
    this.key = k;
    return k;
  }
}
