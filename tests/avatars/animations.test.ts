/**
 * The VRMA clips `npm run avatars` writes to avatars/animations: committed files equal a fresh
 * generation, the bytes never change between runs, and every clip loads the way the client loads
 * it (GLTFLoader + VRMAnimationLoaderPlugin), binds to every preset with createVRMAnimationClip,
 * and moves real humanoid bones of that preset.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createVRMAnimationClip, type VRMAnimation } from "@pixiv/three-vrm-animation";
import { AnimationMixer, type Object3D } from "three";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIP_DESCRIPTIONS } from "../../avatars/generator/animation/clips";
import { generateVrma } from "../../avatars/generator/animation/exportVrma";
import { ACTIONS } from "../../shared/persona";
import { AVATAR_PRESET_IDS } from "../../shared/avatars/presets";
import { IDLE_VARIATIONS } from "../../client/avatar/motion/motionClips";
import { parseVrmAnimation } from "../../client/avatar/loading/vrmParser";
import { loadVrm } from "../support/loadVrm";

const ROOT = join(import.meta.dirname, "../..");
const ANIMATIONS_DIR = join(ROOT, "avatars/animations");
const run = promisify(execFile);

const bytesOf = (file: Buffer): ArrayBuffer => file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;

describe("animation clip generator", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kindred-animations-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("ships a clip for every gesture but point and for every idle variation, and nothing else", () => {
    const expected = [...ACTIONS.filter((a) => a !== "point"), ...IDLE_VARIATIONS].map((n) => `${n}.vrma`).sort();
    expect(CLIP_DESCRIPTIONS.map((c) => `${c.name}.vrma`).sort()).toEqual(expected);
    expect(readdirSync(ANIMATIONS_DIR).sort()).toEqual(expected);
  });

  it.each(CLIP_DESCRIPTIONS.map((c) => [c.name, c] as const))(
    "the committed %s.vrma equals a fresh generation, and a second generation gives the same bytes",
    async (name, clip) => {
      const [a, b] = [Buffer.from(await generateVrma(clip)), Buffer.from(await generateVrma(clip))];
      expect(a.equals(b)).toBe(true);
      expect(a.equals(readFileSync(join(ANIMATIONS_DIR, `${name}.vrma`))), `avatars/animations/${name}.vrma is stale: run npm run avatars`).toBe(true);
    },
  );

  it("writes only the named clip into --out and reports progress", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "avatars/generator/generate.ts", "--out", scratch, "nod"], { cwd: ROOT });
    expect(stdout).toMatch(/\[1\/1\] nod: generating… \d+ KiB/);
    expect(readdirSync(scratch)).toEqual(["nod.vrma"]);
    expect(readFileSync(join(scratch, "nod.vrma")).equals(readFileSync(join(ANIMATIONS_DIR, "nod.vrma")))).toBe(true);
  }, 60_000);
});

describe("generated clips on every preset", () => {
  const animations = new Map<string, VRMAnimation>();
  beforeAll(async () => {
    for (const clip of CLIP_DESCRIPTIONS) {
      animations.set(clip.name, await parseVrmAnimation(bytesOf(readFileSync(join(ANIMATIONS_DIR, `${clip.name}.vrma`)))));
    }
  });

  it.each(AVATAR_PRESET_IDS.map((id) => [id]))("%s: every track drives a humanoid bone, and every animated bone moves", async (id) => {
    const { vrm } = await loadVrm(readFileSync(join(ROOT, "avatars/presets", `${id}.vrm`)));
    const boneNodes = new Set(
      Object.keys(vrm.humanoid.humanBones).map((name) => vrm.humanoid.getNormalizedBoneNode(name as never)?.name),
    );
    for (const desc of CLIP_DESCRIPTIONS) {
      const animation = animations.get(desc.name)!;
      expect(animation.duration, desc.name).toBeCloseTo(desc.keys[desc.keys.length - 1]!.at, 3);
      const clip = createVRMAnimationClip(animation, vrm);
      const bodyTracks = clip.tracks.filter((t) => !t.name.startsWith("VRMLookAtQuaternionProxy"));
      expect(bodyTracks.length, desc.name).toBe(Object.keys(desc.keys[0]!.pose).length + (desc.keys[0]!.hips ? 1 : 0));
      const mixer = new AnimationMixer(vrm.scene);
      mixer.clipAction(clip).play();
      for (const track of bodyTracks) {
        const nodeName = track.name.slice(0, track.name.lastIndexOf("."));
        expect(boneNodes.has(nodeName), `${desc.name}: ${track.name} names no humanoid bone of ${id}`).toBe(true);
        const node = vrm.scene.getObjectByName(nodeName) as Object3D;
        const seen: string[] = [];
        for (const t of [0, 0.3, 0.5, 0.7].map((f) => f * clip.duration)) {
          mixer.setTime(t);
          seen.push(track.name.endsWith(".position") ? node.position.toArray().map((v) => v.toFixed(3)).join() : node.quaternion.toArray().map((v) => v.toFixed(3)).join());
        }
        expect(new Set(seen).size, `${desc.name}: ${track.name} does not move ${id}'s bone`).toBeGreaterThan(1);
      }
      mixer.stopAllAction();
      mixer.uncacheRoot(vrm.scene);
      vrm.humanoid.resetNormalizedPose();
    }
  });

  it("idle clips end in the pose they start in, so they can repeat or follow each other", () => {
    for (const desc of CLIP_DESCRIPTIONS.filter((c) => c.kind === "idle")) {
      const animation = animations.get(desc.name)!;
      for (const [bone, track] of animation.humanoidTracks.rotation) {
        const v = Array.from(track.values);
        expect(v.slice(-4), `${desc.name} ${bone}`).toEqual(v.slice(0, 4));
      }
    }
  });
});
