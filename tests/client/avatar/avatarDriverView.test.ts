import { describe, expect, it, vi } from "vitest";
import type { Material, Mesh } from "three";
import { drivenPreset, FRAME_S } from "./support/presetAvatar";

const influences = (meshes: Mesh[]) => meshes.flatMap((m) => m.morphTargetInfluences ?? []);

function meshesOf(a: Awaited<ReturnType<typeof drivenPreset>>): Mesh[] {
  const meshes: Mesh[] = [];
  a.vrm.scene.traverse((o) => {
    if ((o as Mesh).isMesh) meshes.push(o as Mesh);
  });
  return meshes;
}

describe("avatar driver on a generated preset: out of view and level of detail", () => {
  it("out of view poses nothing, yet keeps its face's clocks, and is right again the frame it comes back", async () => {
    const a = await drivenPreset();
    const meshes = meshesOf(a);
    a.pose.speed = 1.2;
    a.run(0.5);
    const spine = a.vrm.humanoid.getRawBoneNode("spine")!.quaternion;
    const posed = spine.clone();
    const face = influences(meshes);
    const restart = vi.spyOn(a.vrm.springBoneManager!, "reset");

    a.driver.setInView(false);
    a.driver.setEmotion("happy");
    a.run(1);
    expect(spine.equals(posed)).toBe(true);
    expect(influences(meshes)).toEqual(face);
    expect(a.driver.expressionWeights.happy).toBeGreaterThan(0.9);

    a.driver.setInView(true);
    a.run(FRAME_S);
    expect(spine.equals(posed)).toBe(false);
    expect(influences(meshes)).not.toEqual(face);
    expect(a.vrm.expressionManager!.getValue("happy")).toBeGreaterThan(0.9);
    // Hair and cloth start again from rest, not from where they were a second ago.
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it("out of view, carries its head (where its voice comes from) along as it walks and turns", async () => {
    const a = await drivenPreset();
    a.run(0.5);
    const head = a.driver.headPosition.clone();
    a.driver.setInView(false);
    a.pose.x += 2;
    a.pose.yaw = Math.PI;
    a.run(FRAME_S);
    // Turned half a circle about the feet: the head's offset from the feet is mirrored.
    expect(a.driver.headPosition.x).toBeCloseTo(2 - head.x, 5);
    expect(a.driver.headPosition.y).toBeCloseTo(head.y, 5);
    expect(a.driver.headPosition.z).toBeCloseTo(-head.z, 5);
  });

  it("drops the outline pass beyond a few metres, shadows when far, and brings both back near", async () => {
    const a = await drivenPreset();
    const meshes = meshesOf(a);
    const outlines = meshes.flatMap((m) => [m.material].flat()).filter((m: Material & { isOutline?: boolean }) => m.isOutline);
    expect(outlines.length).toBeGreaterThan(3);
    const shown = () => outlines.filter((m) => m.visible).length;
    const casting = () => meshes.filter((m) => m.castShadow).length;

    a.driver.setDistance(2);
    a.run(FRAME_S);
    expect(shown()).toBe(outlines.length);
    expect(casting()).toBe(meshes.length);
    a.driver.setDistance(10);
    a.run(FRAME_S);
    expect(shown()).toBe(0);
    expect(casting()).toBe(meshes.length);
    a.driver.setDistance(45);
    a.run(0.2);
    expect(casting()).toBe(0);
    a.driver.setDistance(2);
    a.run(FRAME_S);
    expect(shown()).toBe(outlines.length);
    expect(casting()).toBe(meshes.length);

    a.driver.setDistance(45);
    a.run(0.2);
    a.driver.detach(a.vrm);
    expect(shown()).toBe(outlines.length);
    expect(casting()).toBe(meshes.length);
  });
});
