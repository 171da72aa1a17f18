/**
 * Turns key poses into keyframe tracks sampled at a fixed rate: each angle eases between its keys
 * (the generator's `profile`), so the linear interpolation a player does between samples stays
 * smooth. Samples are rounded to a fixed precision and every time is a whole frame, so the same
 * description always gives the same bytes.
 */
import { AnimationClip, Euler, Quaternion, QuaternionKeyframeTrack, VectorKeyframeTrack, type KeyframeTrack } from "three";
import { deg, profile } from "../math";
import type { ClipDescription, Degrees3, PoseKey } from "./clipDescription";

export const SAMPLES_PER_SECOND = 30;

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** The keys of one channel: [time, value] for every key, holding the last value a key left out. */
function channelKeys(keys: readonly PoseKey[], read: (key: PoseKey) => number | undefined): [number, number][] {
  let value = 0;
  return keys.map((key) => {
    value = read(key) ?? value;
    return [key.at, value];
  });
}

function sampleTimes(duration: number): Float32Array {
  const count = Math.round(duration * SAMPLES_PER_SECOND) + 1;
  return Float32Array.from({ length: count }, (_, i) => round(Math.min(i / SAMPLES_PER_SECOND, duration)));
}

/** `rest` is where the hips stand in the skeleton the clip is written for (metres). */
export function bakeClip(clip: ClipDescription, hipsRest: readonly [number, number, number]): AnimationClip {
  const first = clip.keys[0]!;
  const duration = clip.keys[clip.keys.length - 1]!.at;
  const times = sampleTimes(duration);
  const tracks: KeyframeTrack[] = [];
  const euler = new Euler();
  const q = new Quaternion();
  const previous = new Quaternion();
  for (const bone of Object.keys(first.pose) as (keyof PoseKey["pose"])[]) {
    const axes = [0, 1, 2].map((axis) => channelKeys(clip.keys, (key) => (key.pose[bone] as Degrees3 | undefined)?.[axis]));
    const values = new Float32Array(times.length * 4);
    times.forEach((t, i) => {
      euler.set(deg(profile(axes[0]!, t)), deg(profile(axes[1]!, t)), deg(profile(axes[2]!, t)));
      q.setFromEuler(euler);
      // Neighbouring samples on the same side of the quaternion sphere: players interpolate the short way.
      if (i > 0 && q.dot(previous) < 0) q.set(-q.x, -q.y, -q.z, -q.w);
      previous.copy(q);
      values.set([round(q.x), round(q.y), round(q.z), round(q.w)], i * 4);
    });
    tracks.push(new QuaternionKeyframeTrack(`${bone}.quaternion`, times, values));
  }
  if (first.hips) {
    const axes = [0, 1, 2].map((axis) => channelKeys(clip.keys, (key) => key.hips?.[axis]));
    const values = new Float32Array(times.length * 3);
    times.forEach((t, i) => {
      for (let axis = 0; axis < 3; axis++) values[i * 3 + axis] = round(hipsRest[axis]! + profile(axes[axis]!, t));
    });
    tracks.push(new VectorKeyframeTrack("hips.position", times, values));
  }
  return new AnimationClip(clip.name, duration, tracks);
}
