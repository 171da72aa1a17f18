/** Clip descriptions: bad ones get a specific error; all start from the client's idle stance. */
import { describe, expect, it } from "vitest";
import { bakeClip } from "../../avatars/generator/animation/bakeClip";
import { checkClip, type ClipDescription } from "../../avatars/generator/animation/clipDescription";
import { ARM_DOWN_DEG, ELBOW_REST_DEG } from "../../avatars/generator/animation/standing";
import { ARM_DOWN } from "../../client/avatar/motion/idleMotion";

const still = [0, 0, 0] as const;
const clip = (keys: ClipDescription["keys"], name = "test"): ClipDescription => ({ name, kind: "gesture", keys });

describe("clip descriptions", () => {
  it("stand the way the client's procedural idle stands, so clips blend in without a jump", () => {
    expect((ARM_DOWN_DEG * Math.PI) / 180).toBeCloseTo(ARM_DOWN, 3);
    // The client bends the elbows 0.18 rad at rest.
    expect((ELBOW_REST_DEG * Math.PI) / 180).toBeCloseTo(0.18, 3);
  });

  it.each([
    ["a name that is not a camelCase word", clip([{ at: 0, pose: { head: still } }, { at: 1, pose: {} }], "../x"), 'clip name "../x" must be a camelCase word'],
    ["one key", clip([{ at: 0, pose: { head: still } }]), "clip test needs at least two keys"],
    ["a late start", clip([{ at: 0.5, pose: { head: still } }, { at: 1, pose: {} }]), "clip test must start at 0 s, its first key is at 0.5 s"],
    ["no bone", clip([{ at: 0, pose: {} }, { at: 1, pose: {} }]), "clip test animates no bone"],
    ["keys out of order", clip([{ at: 0, pose: { head: still } }, { at: 1, pose: {} }, { at: 1, pose: {} }]), "clip test: key 2 at 1 s does not come after key 1"],
    ["a bone the first key lacks", clip([{ at: 0, pose: { head: still } }, { at: 1, pose: { neck: still } }]), "clip test: key 1 sets neck, which the first key does not name"],
    ["hips moved later only", clip([{ at: 0, pose: { head: still } }, { at: 1, pose: {}, hips: [0, 0, 0] }]), "clip test: key 1 moves the hips, which the first key does not place"],
  ])("rejects %s", (_, description, message) => {
    expect(() => checkClip(description)).toThrow(message);
  });

  it("eases between keys and holds a bone a key leaves out", () => {
    const baked = bakeClip(clip([{ at: 0, pose: { head: still, neck: still } }, { at: 1, pose: { head: [0, 90, 0] } }, { at: 2, pose: { neck: [0, 30, 0] } }]), [0, 1, 0]);
    const head = baked.tracks.find((t) => t.name === "head.quaternion")!;
    const yawAt = (i: number) => 2 * Math.asin(head.values[i * 4 + 1]!) * (180 / Math.PI);
    expect(head.times.length).toBe(61);
    // Eased: a tenth of the way in time is well under a tenth of the way in angle.
    expect(yawAt(3)).toBeLessThan(9 * 0.5);
    expect(yawAt(15)).toBeCloseTo(45, 3);
    expect(yawAt(30)).toBeCloseTo(90, 3);
    expect(yawAt(60)).toBeCloseTo(90, 3);
  });
});
