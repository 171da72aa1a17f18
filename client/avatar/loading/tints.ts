import { Color, type Material } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { AVATAR_TINT_KEYS, type AvatarTintKey } from "../../../shared/avatars";

/** The shade (the toon shadow side) of a tinted part is its colour this much darker. */
export const TINT_SHADE_FACTOR = 0.62;
/** …and its toon outline this much darker still, as the presets draw theirs. */
export const TINT_OUTLINE_FACTOR = 0.35;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** Longest first, so `outfitAccent…` materials take the accent tint, not the outfit one. */
const KEYS_LONGEST_FIRST = [...AVATAR_TINT_KEYS].sort((a, b) => b.length - a.length);

interface MToonLike extends Material {
  isMToonMaterial: true;
  color: Color;
  shadeColorFactor: Color;
  outlineColorFactor: Color;
}

/** Each tintable material's own colours, kept so that removing a tint restores them. */
const presetColours = new WeakMap<Material, { color: Color; shade: Color; outline: Color }>();

/** Which tint key names a material (its name starts with the key), or null. */
export function tintKeyOf(materialName: string): AvatarTintKey | null {
  return KEYS_LONGEST_FIRST.find((key) => materialName.startsWith(key)) ?? null;
}

/**
 * Recolours the MToon materials of a VRM whose names start with a tint key: base colour = the
 * tint, shade and outline = the tint darkened. Colours are `#rrggbb`; anything else is rejected with an error
 * and nothing is changed. Parts with no tint show the preset's own colours.
 */
export function applyTints(vrm: VRM, tints: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(tints)) {
    if (!(AVATAR_TINT_KEYS as readonly string[]).includes(key)) throw new Error(`unknown tint "${key}" (known: ${AVATAR_TINT_KEYS.join(", ")})`);
    if (!HEX_COLOUR.test(value)) throw new Error(`tint ${key} must be a #rrggbb colour, got "${value}"`);
  }
  vrm.scene.traverse((object) => {
    const material = (object as { material?: Material | Material[] }).material;
    for (const m of Array.isArray(material) ? material : material ? [material] : []) {
      if (!(m as Partial<MToonLike>).isMToonMaterial) continue;
      const key = tintKeyOf(m.name);
      if (!key) continue;
      const mtoon = m as MToonLike;
      let preset = presetColours.get(m);
      if (!preset) {
        preset = { color: mtoon.color.clone(), shade: mtoon.shadeColorFactor.clone(), outline: mtoon.outlineColorFactor.clone() };
        presetColours.set(m, preset);
      }
      const tint = tints[key];
      if (tint) {
        mtoon.color.set(tint);
        mtoon.shadeColorFactor.set(tint).multiplyScalar(TINT_SHADE_FACTOR);
        mtoon.outlineColorFactor.set(tint).multiplyScalar(TINT_OUTLINE_FACTOR);
      } else {
        mtoon.color.copy(preset.color);
        mtoon.shadeColorFactor.copy(preset.shade);
        mtoon.outlineColorFactor.copy(preset.outline);
      }
    }
  });
}
