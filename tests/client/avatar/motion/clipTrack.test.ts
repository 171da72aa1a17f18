import { describe, expect, it } from "vitest";
import { LinearInterpolant, Quaternion, QuaternionLinearInterpolant, Vector3 } from "three";
import { ClipTrack } from "../../../../client/avatar/motion/clipTrack";
import { parseVrm } from "../../../../client/avatar/loading/vrmParser";
import { seededRandom } from "../../../../client/world/seededRandom";
import { heapGrowthPerCall } from "../support/heapGrowth";
import { presetBytes } from "../support/presetAvatar";
import { shippedClips } from "../support/shippedClips";

/** Sample times across a clip of `duration` s: before its start, past its end, on every key, and back and forth. */
function sampleTimes(times: ArrayLike<number>, duration: number, seed: number): number[] {
  const random = seededRandom(seed);
  const forward = Array.from({ length: 200 }, (_, i) => -0.2 + ((duration + 0.4) * i) / 199);
  const jumps = Array.from({ length: 200 }, () => -0.1 + random() * (duration + 0.2));
  return [...forward, ...Array.from(times), ...jumps, ...forward.slice().reverse()];
}

describe("ClipTrack", () => {
  it("samples every track of the shipped clips exactly as three's interpolants do, forwards, backwards and past the ends", async () => {
    const vrm = await parseVrm(await presetBytes("wren"));
    const clips = await shippedClips(vrm);
    let tracks = 0;
    for (const clip of Object.values(clips)) {
      for (const [n, track] of clip!.tracks.entries()) {
        const stride = track.getValueSize();
        if (stride !== 3 && stride !== 4) continue;
        tracks++;
        const clock = new Float64Array(1);
        const ours = new ClipTrack(track.times, track.values, stride, clock);
        const theirs =
          stride === 4
            ? new QuaternionLinearInterpolant(track.times, track.values, 4, new Float32Array(4))
            : new LinearInterpolant(track.times, track.values, 3, new Float32Array(3));
        const q = new Quaternion();
        const v = new Vector3();
        for (const t of sampleTimes(track.times, clip!.duration, n + 1)) {
          const expected = Array.from(theirs.evaluate(t));
          clock[0] = t;
          const got = stride === 4 ? ours.quaternion(q).toArray() : ours.vector(v).toArray();
          expect(got, `${clip!.name} ${track.name} at ${t}`).toEqual(expected);
        }
      }
    }
    expect(tracks).toBeGreaterThan(20);
  });

  it("holds the first and last keys outside the keys, and slerps the short way between opposite signs", () => {
    const half = Math.SQRT1_2;
    // The second key is the first rotation's negative turned further: the short way goes through it.
    const clock = new Float64Array(1);
    const track = new ClipTrack([0, 1, 1, 2], [0, 0, 0, 1, 0, 0, -half, -half, 0, 0, half, half, 0, 0, 1, 0], 4, clock);
    const q = new Quaternion();
    const at = (t: number) => {
      clock[0] = t;
      return track.quaternion(q);
    };
    expect(at(-5).toArray()).toEqual([0, 0, 0, 1]);
    expect(at(9).toArray()).toEqual([0, 0, 1, 0]);
    at(0.5);
    expect(q.angleTo(new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), Math.PI / 4))).toBeLessThan(1e-3);
    const theirs = new QuaternionLinearInterpolant(new Float32Array([0, 1, 1, 2]), new Float32Array([0, 0, 0, 1, 0, 0, -half, -half, 0, 0, half, half, 0, 0, 1, 0]), 4, new Float32Array(4));
    for (const t of [0.5, 1, 1.5, 2]) expect(at(t).toArray()).toEqual(Array.from(theirs.evaluate(t)));
  });

  it("refuses a track without keys or with values that do not match its keys", () => {
    expect(() => new ClipTrack([], [], 4, new Float64Array(1))).toThrow(/needs keys and 4 values per key/);
    expect(() => new ClipTrack([0, 1], [0, 0, 0], 3, new Float64Array(1))).toThrow(/got 2 times, 3 values/);
  });

  it("makes no garbage while a clip plays", () => {
    const times = new Float32Array([0, 0.4, 0.9, 1.5]);
    const values = new Float32Array(16);
    const random = seededRandom(3);
    for (let k = 0; k < 4; k++) new Quaternion(random() - 0.5, random() - 0.5, random() - 0.5, random() - 0.5).normalize().toArray(values, k * 4);
    // The clock in a typed array: a number kept in a closure's variable is itself boxed on every write.
    const clock = new Float64Array(1);
    const track = new ClipTrack(times, values, 4, clock);
    const positions = new ClipTrack(times, values.subarray(0, 12), 3, clock);
    const q = new Quaternion();
    const v = new Vector3();
    const bytes = heapGrowthPerCall(() => {
      clock[0] = clock[0]! > 1.6 ? -0.1 : clock[0]! + 0.013;
      track.quaternion(q);
      positions.vector(v);
    });
    expect(bytes).toBeLessThan(1);
  });
});
