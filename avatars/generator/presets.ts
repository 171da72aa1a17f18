/**
 * The four shipped presets. Names and tintable colours come from shared/avatars/presets.ts (the
 * client shows and recolours them); shapes and the untinted colours live here. wren is the default.
 */
import { AVATAR_PRESETS } from "../../shared/avatars/presets";
import type { AvatarDescription } from "./description";

const { wren, sol, juniper, kit } = AVATAR_PRESETS;

export const PRESET_DESCRIPTIONS: readonly AvatarDescription[] = [
  {
    id: "wren",
    displayName: wren.displayName,
    body: { height: 1.58, headScale: 1, shoulderWidth: 0.1, hipWidth: 0.056, build: 0.95, curves: 0.55, legRatio: 0.52 },
    skin: wren.tints.skin,
    face: { eyeSize: 1.05, eyeTilt: 0.02, eyes: wren.tints.eyes, browWeight: 1, jawTaper: 1 },
    hair: { style: "bob", colour: wren.tints.hair, tips: "#9c5d40" },
    outfit: {
      top: "dress",
      bottom: "skirt",
      sleeves: "long",
      outfit: wren.tints.outfit,
      outfitAccent: wren.tints.outfitAccent,
      bottoms: wren.tints.outfit,
      socks: { colour: "#f4ead6", top: "knee" },
      shoes: "#5a3a2c",
      sneakers: false,
      ribbon: "#c8454e",
    },
  },
  {
    id: "sol",
    displayName: sol.displayName,
    body: { height: 1.76, headScale: 0.96, shoulderWidth: 0.118, hipWidth: 0.058, build: 1.1, curves: 0, legRatio: 0.52 },
    skin: sol.tints.skin,
    face: { eyeSize: 0.88, eyeTilt: 0.06, eyes: sol.tints.eyes, browWeight: 1.45, jawTaper: 0.72 },
    hair: { style: "spiky", colour: sol.tints.hair, tips: "#3f4257" },
    outfit: {
      top: "hoodie",
      bottom: "pants",
      sleeves: "long",
      outfit: sol.tints.outfit,
      outfitAccent: sol.tints.outfitAccent,
      bottoms: "#39443a",
      socks: null,
      shoes: "#f1f1ee",
      sneakers: true,
      ribbon: "#c8454e",
    },
  },
  {
    id: "juniper",
    displayName: juniper.displayName,
    body: { height: 1.7, headScale: 0.97, shoulderWidth: 0.104, hipWidth: 0.056, build: 0.92, curves: 0.7, legRatio: 0.53 },
    skin: juniper.tints.skin,
    face: { eyeSize: 0.95, eyeTilt: 0.1, eyes: juniper.tints.eyes, browWeight: 0.9, jawTaper: 1.05 },
    hair: { style: "ponytail", colour: juniper.tints.hair, tips: "#e5dcf6" },
    outfit: {
      top: "coat",
      bottom: "pants",
      sleeves: "long",
      outfit: juniper.tints.outfit,
      outfitAccent: juniper.tints.outfitAccent,
      bottoms: "#2c2a36",
      socks: null,
      shoes: "#2b2530",
      sneakers: false,
      ribbon: "#d8b25e",
    },
  },
  {
    id: "kit",
    displayName: kit.displayName,
    body: { height: 1.48, headScale: 1.04, shoulderWidth: 0.096, hipWidth: 0.054, build: 1, curves: 0.3, legRatio: 0.5 },
    skin: kit.tints.skin,
    face: { eyeSize: 1.1, eyeTilt: -0.02, eyes: kit.tints.eyes, browWeight: 1.05, jawTaper: 0.9 },
    hair: { style: "twinBuns", colour: kit.tints.hair, tips: "#f7b7cf" },
    outfit: {
      top: "tee",
      bottom: "shorts",
      sleeves: "short",
      outfit: kit.tints.outfit,
      outfitAccent: kit.tints.outfitAccent,
      bottoms: "#3b6fb6",
      socks: { colour: "#ffffff", top: "thigh" },
      shoes: "#e0504a",
      sneakers: true,
      ribbon: "#e0504a",
    },
  },
];
