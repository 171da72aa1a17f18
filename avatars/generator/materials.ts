/**
 * The toon materials of one preset. Names that a persona may recolour start with their tint key
 * (shared/avatars/presets.ts); face details use names that start with none of them.
 */
import { Color, DoubleSide, MeshStandardMaterial, type Material } from "three";
import type { AvatarDescription } from "./description";

export interface ToonLook {
  /** Colour in the shadowed band (sRGB hex). */
  shade: string;
  /** Outline width in metres; 0 for none. */
  outline: number;
  outlineColour?: string;
  /** Soft rim light, for hair sheen. */
  rim?: string;
  /** MToon shading shift: positive keeps more of the surface in the lit band (faces). */
  shift?: number;
}

export interface AvatarMaterials {
  /** Primitive order in every mesh follows this map's order. */
  byName: Map<string, Material>;
  toon: Map<Material, ToonLook>;
}

/** Darkens and warms a colour for the MToon shade band, the way hand-painted toon shading does. */
function shadeOf(hex: string, amount = 0.72): string {
  const c = new Color(hex);
  const hsl = { h: 0, s: 0, l: 0 };
  c.getHSL(hsl);
  const warm = new Color().setHSL((hsl.h + 0.98) % 1, Math.min(1, hsl.s * 1.15 + 0.05), hsl.l * amount);
  return `#${warm.getHexString()}`;
}

export function createMaterials(desc: AvatarDescription): AvatarMaterials {
  const byName = new Map<string, Material>();
  const toon = new Map<Material, ToonLook>();
  const add = (name: string, colour: string, look: Partial<ToonLook> = {}, doubleSided = false): void => {
    const material = new MeshStandardMaterial({ color: new Color(colour), roughness: 1, metalness: 0 });
    material.name = name;
    if (doubleSided) material.side = DoubleSide;
    byName.set(name, material);
    toon.set(material, { shade: look.shade ?? shadeOf(colour), outline: look.outline ?? 0, ...look });
  };
  const o = desc.outfit;
  const line = 0.0016;
  add("skin", desc.skin, { shade: shadeOf(desc.skin, 0.86), shift: 0.25, outline: line * 0.8, outlineColour: shadeOf(desc.skin, 0.45) });
  add("hair", desc.hair.colour, { outline: line * 0.7, outlineColour: shadeOf(desc.hair.colour, 0.35), rim: "#ffffff" }, true);
  add("hairTips", desc.hair.tips, { outline: line * 0.7, outlineColour: shadeOf(desc.hair.colour, 0.35) }, true);
  add("hairBrow", desc.hair.colour, { shade: shadeOf(desc.hair.colour, 0.85) });
  add("eyes", desc.face.eyes, { shade: shadeOf(desc.face.eyes, 0.8) });
  add("outfit", o.outfit, { outline: line, outlineColour: shadeOf(o.outfit, 0.35) }, true);
  add("outfitAccent", o.outfitAccent, { outline: line, outlineColour: shadeOf(o.outfitAccent, 0.4) }, true);
  add("bottoms", o.bottoms, { outline: line, outlineColour: shadeOf(o.bottoms, 0.35) }, true);
  add("legwear", o.socks?.colour ?? o.bottoms, { outline: line, outlineColour: shadeOf(o.socks?.colour ?? o.bottoms, 0.4) });
  add("shoes", o.shoes, { outline: line, outlineColour: shadeOf(o.shoes, 0.35) });
  add("sole", "#f3efe8");
  add("ribbon", o.ribbon, { outline: line * 0.7 });
  // Face details: flat colours, no outline (an outline would ring every eye part).
  add("sclera", "#fbfbfd", { shade: "#e4e4f0" });
  add("pupil", "#1c1626", { shade: "#1c1626" });
  add("highlight", "#ffffff", { shade: "#ffffff" });
  add("lash", "#2a1c1c", { shade: "#2a1c1c" });
  add("mouthInner", "#8a3540", { shade: "#6e2a33" });
  add("tongue", "#e27b84", { shade: "#c9646e" });
  add("teeth", "#ffffff", { shade: "#ececf2" });
  add("blush", "#f49a9a", { shade: "#f49a9a" });
  return { byName, toon };
}
