import { describe, expect, it } from "vitest";
import { BoxGeometry, Group, Mesh, MeshStandardMaterial } from "three";
import { AvatarFade } from "../../../client/avatar/fade";

function body() {
  const root = new Group();
  const skin = new MeshStandardMaterial();
  const glass = new MeshStandardMaterial({ transparent: true, opacity: 0.5, depthWrite: false });
  root.add(new Mesh(new BoxGeometry(), skin), new Mesh(new BoxGeometry(), [skin, glass]));
  return { root, skin, glass };
}

describe("AvatarFade", () => {
  it("scales every material's opacity and makes it transparent while faded", () => {
    const { root, skin, glass } = body();
    const fade = new AvatarFade();
    fade.attach(root);
    fade.set(0.4);
    expect(skin.opacity).toBeCloseTo(0.4);
    expect(skin.transparent).toBe(true);
    expect(skin.depthWrite).toBe(false);
    expect(glass.opacity).toBeCloseTo(0.2);
    expect(root.visible).toBe(true);
  });

  it("restores the materials as they were when fully shown again", () => {
    const { root, skin, glass } = body();
    const fade = new AvatarFade();
    fade.attach(root);
    fade.set(0.3);
    fade.set(1);
    expect([skin.opacity, skin.transparent, skin.depthWrite]).toEqual([1, false, true]);
    expect([glass.opacity, glass.transparent, glass.depthWrite]).toEqual([0.5, true, false]);
  });

  it("hides the avatar when fully faded, and applies a fade set before the body arrived", () => {
    const { root, skin } = body();
    const fade = new AvatarFade();
    fade.set(0);
    fade.attach(root);
    expect(root.visible).toBe(false);
    expect(skin.opacity).toBe(0);
  });

  it("rejects a fade that is not a number and changes nothing", () => {
    const { root, skin } = body();
    const fade = new AvatarFade();
    fade.attach(root);
    fade.set(0.5);
    expect(() => fade.set(Number.NaN)).toThrow(/fade/);
    expect(skin.opacity).toBeCloseTo(0.5);
  });
});
