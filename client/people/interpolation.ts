import { angleDelta, wrapAngle } from "../math/angles";

/** How far behind the newest data remote people are drawn: enough to always have two samples. */
export const INTERPOLATION_DELAY_MS = 120;
/** A silence longer than this means the person stood still; movement restarts from rest. */
const REST_GAP_MS = 250;
/** The usual time between a person's updates (they send at MOVE_SEND_HZ). */
const TYPICAL_INTERVAL_MS = 100;
const CAPACITY = 24;

export interface PoseSample {
  t: number;
  x: number;
  y: number;
  z: number;
  yaw: number;
  /**
   * How many jumps (teleports, snap turns) the person had made by this pose, as the room counts
   * them. Written by `sample`; never blended across.
   */
  jumps?: number;
}

function emptySample(): Required<PoseSample> {
  return { t: 0, x: 0, y: 0, z: 0, yaw: 0, jumps: 0 };
}

/**
 * Received poses of one remote person, replayed a little in the past so movement looks smooth
 * even though updates arrive ~10 times a second with jitter. A pose that comes with a new jump
 * count is a jump: the replay holds the pose before it until its moment, then shows it at once
 * (a teleport is not a run across the space). Preallocated: no garbage per frame.
 */
export class InterpolationBuffer {
  private readonly ring: Required<PoseSample>[] = Array.from({ length: CAPACITY }, emptySample);
  private start = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Records the pose received at time `t` (ms, monotonic), after the person's `jumps`-th jump. */
  push(t: number, x: number, y: number, z: number, yaw: number, jumps = 0): void {
    const newest = this.count > 0 ? this.at(this.count - 1) : null;
    if (newest && t <= newest.t) {
      // Two updates in the same instant: the later one wins.
      this.write(newest, newest.t, x, y, z, yaw, jumps);
      return;
    }
    if (newest && t - newest.t > REST_GAP_MS && jumps === newest.jumps) {
      // After standing still, the person started moving about one interval ago, not when the
      // previous sample (maybe minutes old) arrived: without this the first step crawls.
      const restEnd = t - TYPICAL_INTERVAL_MS;
      this.append(restEnd, newest.x, newest.y, newest.z, newest.yaw, newest.jumps);
    }
    this.append(t, x, y, z, yaw, jumps);
  }

  /** Forgets every sample: the next one is a jump, not a glide (a teleport). */
  reset(): void {
    this.start = 0;
    this.count = 0;
  }

  /** The interpolated pose at time `t`, written into `out`. Holds the ends; never extrapolates. */
  sample(t: number, out: PoseSample): PoseSample {
    if (this.count === 0) return out;
    const oldest = this.at(0);
    const newest = this.at(this.count - 1);
    if (t <= oldest.t) return this.copy(oldest, out, t);
    if (t >= newest.t) return this.copy(newest, out, t);
    for (let i = this.count - 2; i >= 0; i--) {
      const a = this.at(i);
      if (a.t > t) continue;
      const b = this.at(i + 1);
      if (b.jumps !== a.jumps) return this.copy(a, out, t);
      const f = (t - a.t) / (b.t - a.t);
      out.t = t;
      out.x = a.x + (b.x - a.x) * f;
      out.y = a.y + (b.y - a.y) * f;
      out.z = a.z + (b.z - a.z) * f;
      out.yaw = wrapAngle(a.yaw + angleDelta(a.yaw, b.yaw) * f);
      out.jumps = a.jumps;
      return out;
    }
    return this.copy(oldest, out, t);
  }

  private append(t: number, x: number, y: number, z: number, yaw: number, jumps: number): void {
    if (this.count === CAPACITY) {
      this.start = (this.start + 1) % CAPACITY;
      this.count--;
    }
    this.write(this.ring[(this.start + this.count) % CAPACITY]!, t, x, y, z, yaw, jumps);
    this.count++;
  }

  private at(i: number): Required<PoseSample> {
    return this.ring[(this.start + i) % CAPACITY]!;
  }

  private write(s: Required<PoseSample>, t: number, x: number, y: number, z: number, yaw: number, jumps: number): void {
    s.t = t;
    s.x = x;
    s.y = y;
    s.z = z;
    s.yaw = yaw;
    s.jumps = jumps;
  }

  private copy(from: Required<PoseSample>, out: PoseSample, t: number): PoseSample {
    out.t = t;
    out.x = from.x;
    out.y = from.y;
    out.z = from.z;
    out.yaw = from.yaw;
    out.jumps = from.jumps;
    return out;
  }
}
