/**
 * The parametric description of one avatar preset. Everything the generator draws comes from
 * these numbers and colours, so a new preset is a new description (see presets.ts).
 */
import type { AvatarPresetId } from "../../shared/avatars/presets";

export type HairStyle = "bob" | "ponytail" | "spiky" | "twinBuns";
export type TopStyle = "dress" | "hoodie" | "coat" | "tee";
export type BottomStyle = "skirt" | "pants" | "shorts";
export type SleeveLength = "long" | "short";

export interface BodyDescription {
  /** Standing height to the top of the skull (hair adds a little), metres. */
  height: number;
  /** Head height relative to the default anime proportion (about 1/6.4 of the height). */
  headScale: number;
  /** Half the distance between the shoulder joints, relative to the height. */
  shoulderWidth: number;
  /** Half the distance between the hip joints, relative to the height. */
  hipWidth: number;
  /** Limb and torso thickness: 0.85 slender … 1.15 sturdy. */
  build: number;
  /** 0 flat … 1 curvy (chest and hips). */
  curves: number;
  /** Fraction of the height at the hip joints (anime legs are long: 0.5–0.54). */
  legRatio: number;
}

export interface FaceDescription {
  /** Eye size multiplier (1 = default big anime eyes). */
  eyeSize: number;
  /** Tilt of the eye's outer corner, radians (positive = cat-like upturn). */
  eyeTilt: number;
  /** Iris colour (tint key "eyes"). */
  eyes: string;
  /** Brow thickness multiplier. */
  browWeight: number;
  /** How much the jaw narrows to the chin: 1 a pointed anime chin, lower is broader. */
  jawTaper: number;
}

export interface OutfitDescription {
  top: TopStyle;
  bottom: BottomStyle;
  sleeves: SleeveLength;
  /** Main clothing colour (tint key "outfit"). */
  outfit: string;
  /** Trim, collar, cuffs, ribbons (tint key "outfitAccent"). */
  outfitAccent: string;
  /** Trousers, shorts or the skirt under a coat. */
  bottoms: string;
  /** Legwear under skirts and shorts: knee or thigh socks colour, or none. */
  socks: { colour: string; top: "knee" | "thigh" } | null;
  shoes: string;
  /** Chunky sneakers instead of slim shoes. */
  sneakers: boolean;
  /** Bow and hair-tie colour. */
  ribbon: string;
}

export interface AvatarDescription {
  id: AvatarPresetId;
  displayName: string;
  body: BodyDescription;
  skin: string;
  face: FaceDescription;
  hair: { style: HairStyle; colour: string; tips: string };
  outfit: OutfitDescription;
}
