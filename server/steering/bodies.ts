import { BODY_RADIUS } from "../../shared/world";

/** Centre distance at which two bodies touch. */
export const TOUCHING_METRES = 2 * BODY_RADIUS;
/** Companions keep at least this far (centre to centre) from people and other companions. */
export const PERSONAL_SPACE_METRES = 0.9;
const PERSONAL_SPACE_SQUARED = PERSONAL_SPACE_METRES ** 2;
const TOUCHING_SQUARED = TOUCHING_METRES ** 2;
/** Bucket size of the spatial hash: at least personal space, so neighbours are in the 3 × 3 around. */
const BUCKET_METRES = 1;
/** Buckets in the hash (a power of two); cells far apart may share one, which only costs a check. */
const BUCKETS = 1024;

/**
 * Everyone standing in a room this tick (people and companions) in flat arrays reused from tick
 * to tick, hashed by position so "who is near" looks at the 3 × 3 buckets around, not everyone.
 * Fill with `clear()` and `add()`, then ask who is near whom; `move()` keeps the hash current.
 */
export class Bodies {
  count = 0;
  private xs: Float64Array = new Float64Array(64);
  private zs: Float64Array = new Float64Array(64);
  /** Next body in the same bucket, -1 at the end. */
  private next: Int32Array = new Int32Array(64);
  private bucketOf: Int32Array = new Int32Array(64);
  private readonly heads = new Int32Array(BUCKETS).fill(-1);
  private readonly around = new Int32Array(9);
  private found: Int32Array = new Int32Array(64);
  private foundSquared: Float64Array = new Float64Array(64);

  clear(): void {
    for (let i = 0; i < this.count; i++) this.heads[this.bucketOf[i]!] = -1;
    this.count = 0;
  }

  /** Adds a body; returns its index (for moving it and skipping it as "self"). */
  add(x: number, z: number): number {
    if (this.count === this.xs.length) this.grow();
    const i = this.count++;
    this.xs[i] = x;
    this.zs[i] = z;
    this.link(i, bucket(cellOf(x), cellOf(z)));
    return i;
  }

  move(index: number, x: number, z: number): void {
    this.xs[index] = x;
    this.zs[index] = z;
    const b = bucket(cellOf(x), cellOf(z));
    if (b === this.bucketOf[index]) return;
    this.unlink(index);
    this.link(index, b);
  }

  /**
   * The push away from everyone within personal space of (x, z), stronger the closer they are
   * (1 at touching, 0 at the edge of personal space, summed), into `out`. `self` is skipped.
   */
  separation(self: number, x: number, z: number, out: { x: number; z: number }): { x: number; z: number } {
    out.x = 0;
    out.z = 0;
    const found = this.near(self, x, z, PERSONAL_SPACE_SQUARED);
    for (let k = 0; k < found; k++) {
      const i = this.found[k]!;
      const dx = x - this.xs[i]!;
      const dz = z - this.zs[i]!;
      const d = Math.sqrt(dx * dx + dz * dz);
      const weight = Math.min(1, (PERSONAL_SPACE_METRES - d) / (PERSONAL_SPACE_METRES - TOUCHING_METRES));
      // Two bodies on one spot: any fixed direction parts them.
      if (d < 1e-6) out.x += weight;
      else {
        out.x += (dx / d) * weight;
        out.z += (dz / d) * weight;
      }
    }
    return out;
  }

  /**
   * Whether stepping from (fromX, fromZ) to (x, z) walks into someone: ending inside touching
   * distance of a body and closer to it than before (stepping away from a crowd is always allowed).
   */
  bumps(self: number, fromX: number, fromZ: number, x: number, z: number): boolean {
    const found = this.near(self, x, z, TOUCHING_SQUARED);
    for (let k = 0; k < found; k++) {
      const i = this.found[k]!;
      const fx = fromX - this.xs[i]!;
      const fz = fromZ - this.zs[i]!;
      if (this.foundSquared[k]! < fx * fx + fz * fz) return true;
    }
    return false;
  }

  /**
   * Fills `found` (and `foundSquared`) with the bodies other than `self` closer to (x, z) than the
   * square root of `withinSquared` (at most BUCKET_METRES), from the 3 × 3 buckets round it; returns how many.
   */
  private near(self: number, x: number, z: number, withinSquared: number): number {
    const around = this.bucketsAround(x, z);
    let found = 0;
    for (let k = 0; k < around; k++) {
      for (let i = this.heads[this.around[k]!]!; i !== -1; i = this.next[i]!) {
        if (i === self) continue;
        const dx = x - this.xs[i]!;
        const dz = z - this.zs[i]!;
        const squared = dx * dx + dz * dz;
        if (squared >= withinSquared) continue;
        if (found === this.found.length) this.growFound();
        this.found[found] = i;
        this.foundSquared[found++] = squared;
      }
    }
    return found;
  }

  /** Fills `around` with the distinct buckets of the 3 × 3 cells round (x, z); returns how many. */
  private bucketsAround(x: number, z: number): number {
    const cx = cellOf(x);
    const cz = cellOf(z);
    let n = 0;
    for (let bx = cx - 1; bx <= cx + 1; bx++) {
      for (let bz = cz - 1; bz <= cz + 1; bz++) {
        const b = bucket(bx, bz);
        // Two cells sharing a bucket must not count its bodies twice.
        let seen = false;
        for (let k = 0; k < n && !seen; k++) seen = this.around[k] === b;
        if (!seen) this.around[n++] = b;
      }
    }
    return n;
  }

  private link(i: number, b: number): void {
    this.bucketOf[i] = b;
    this.next[i] = this.heads[b]!;
    this.heads[b] = i;
  }

  private unlink(i: number): void {
    const b = this.bucketOf[i]!;
    if (this.heads[b] === i) {
      this.heads[b] = this.next[i]!;
      return;
    }
    for (let j = this.heads[b]!; j !== -1; j = this.next[j]!) {
      if (this.next[j] === i) {
        this.next[j] = this.next[i]!;
        return;
      }
    }
  }

  private growFound(): void {
    const size = this.found.length * 2;
    this.found = grown(this.found, new Int32Array(size));
    this.foundSquared = grown(this.foundSquared, new Float64Array(size));
  }

  private grow(): void {
    const size = this.xs.length * 2;
    this.xs = grown(this.xs, new Float64Array(size));
    this.zs = grown(this.zs, new Float64Array(size));
    this.next = grown(this.next, new Int32Array(size));
    this.bucketOf = grown(this.bucketOf, new Int32Array(size));
  }
}

function cellOf(v: number): number {
  return Math.floor(v / BUCKET_METRES);
}

function bucket(cx: number, cz: number): number {
  // Two large primes mix the cell coordinates; the mask keeps the index in range (also for negatives).
  return (Math.imul(cx, 73856093) ^ Math.imul(cz, 19349663)) & (BUCKETS - 1);
}

function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
