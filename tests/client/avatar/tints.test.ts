import { describe, expect, it } from "vitest";
import { Color, Group, Mesh, BoxGeometry, MeshStandardMaterial } from "three";
import { MToonMaterial, type VRM } from "@pixiv/three-vrm";
import { applyTints, tintKeyOf, TINT_OUTLINE_FACTOR, TINT_SHADE_FACTOR } from "../../../client/avatar/loading/tints";

function avatar() {
  const scene = new Group();
  const make = (name: string) => {
    const m = new MToonMaterial();
    m.name = name;
    m.color.set("#808080");
    m.shadeColorFactor.set("#404040");
    m.outlineColorFactor.set("#202020");
    scene.add(new Mesh(new BoxGeometry(), m));
    return m;
  };
  const plain = new MeshStandardMaterial({ name: "hairCard", color: "#123456" });
  scene.add(new Mesh(new BoxGeometry(), plain));
  const parts = { hair: make("hair"), hairTips: make("hairTips"), outfit: make("outfit"), accent: make("outfitAccent"), eyeWhite: make("eyeWhite"), plain };
  return { vrm: { scene } as unknown as VRM, parts };
}

const hex = (c: Color) => `#${c.getHexString()}`;

describe("tints", () => {
  it("names the longest matching key, so accents are not the outfit", () => {
    expect(tintKeyOf("outfitAccentTrim")).toBe("outfitAccent");
    expect(tintKeyOf("outfitSleeve")).toBe("outfit");
    expect(tintKeyOf("eyeWhite")).toBeNull();
    expect(tintKeyOf("mouth")).toBeNull();
  });

  it("recolours the MToon materials of a part, shade darker by the factor", () => {
    const { vrm, parts } = avatar();
    applyTints(vrm, { hair: "#aa3311", outfitAccent: "#2244ff" });
    expect(hex(parts.hair.color)).toBe("#aa3311");
    expect(hex(parts.hairTips.color)).toBe("#aa3311");
    expect(parts.hair.shadeColorFactor.r).toBeCloseTo(new Color("#aa3311").r * TINT_SHADE_FACTOR, 6);
    expect(parts.hair.outlineColorFactor.r).toBeCloseTo(new Color("#aa3311").r * TINT_OUTLINE_FACTOR, 6);
    expect(hex(parts.accent.color)).toBe("#2244ff");
    expect(hex(parts.outfit.color)).toBe("#808080");
    expect(hex(parts.eyeWhite.color)).toBe("#808080");
    expect(hex(parts.plain.color)).toBe("#123456");
  });

  it("gives a part its preset colours back when its tint is removed", () => {
    const { vrm, parts } = avatar();
    applyTints(vrm, { hair: "#aa3311" });
    applyTints(vrm, {});
    expect(hex(parts.hair.color)).toBe("#808080");
    expect(hex(parts.hair.shadeColorFactor)).toBe("#404040");
    expect(hex(parts.hair.outlineColorFactor)).toBe("#202020");
  });

  it("rejects unknown keys and malformed colours without changing anything", () => {
    const { vrm, parts } = avatar();
    expect(() => applyTints(vrm, { hair: "#aa3311", cape: "#ffffff" })).toThrow(/unknown tint "cape"/);
    expect(() => applyTints(vrm, { hair: "red" })).toThrow(/#rrggbb/);
    expect(hex(parts.hair.color)).toBe("#808080");
  });
});
