import { AVATAR_TINT_KEYS, DEFAULT_AVATAR_PRESET, isAvatarPresetId, type AvatarTintKey } from "../../shared/avatars";
import type { PersonaBlueprint } from "../../shared/persona";

type Appearance = PersonaBlueprint["appearance"];

/** Labels of the tints, in the order the panel shows them. */
export const TINT_LABELS: Record<AvatarTintKey, string> = {
  skin: "Skin",
  hair: "Hair",
  eyes: "Eyes",
  outfit: "Outfit",
  outfitAccent: "Outfit accent",
};
export const TINT_KEYS = AVATAR_TINT_KEYS;

/** What a colour picker shows for a tint left to the preset (it has no "no colour" state). */
export const UNSET_TINT = "#ffffff";

/** Wears a preset; an uploaded VRM worn until now is taken off. */
export function withPreset(appearance: Appearance, presetId: string): Appearance {
  return { avatarPreset: presetId, tints: appearance.tints };
}

/** Wears an uploaded VRM; the preset and tints stay for when it is taken off. */
export function withUpload(appearance: Appearance, avatarId: string): Appearance {
  return { ...appearance, customAvatar: avatarId };
}

/** Sets one tint, or hands it back to the preset's own colour (`undefined`). */
export function withTint(appearance: Appearance, key: AvatarTintKey, colour: string | undefined): Appearance {
  const tints = { ...appearance.tints };
  if (colour === undefined) delete tints[key];
  else tints[key] = colour.toLowerCase();
  return { ...appearance, tints };
}

/** The `<select>` value for what is worn: `preset:<id>` (an unknown preset shows as the default, as rooms show it) or `upload:<id>`. */
export function wornChoice(appearance: Appearance): string {
  if (appearance.customAvatar) return `upload:${appearance.customAvatar}`;
  return `preset:${isAvatarPresetId(appearance.avatarPreset) ? appearance.avatarPreset : DEFAULT_AVATAR_PRESET}`;
}

export function withChoice(appearance: Appearance, choice: string): Appearance {
  const [kind, id = ""] = choice.split(/:(.*)/s);
  return kind === "upload" ? withUpload(appearance, id) : withPreset(appearance, id);
}

export function presetName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * The uploads to choose from, labelled; the one worn is always there, even when the list of
 * uploads could not be loaded (a select must have an option for its value).
 */
export function uploadChoices(uploads: readonly { id: string; name: string; fileName: string }[], worn: string | undefined): { id: string; label: string }[] {
  const choices = uploads.map((upload) => ({ id: upload.id, label: `${upload.name} (${upload.fileName})` }));
  if (worn && !choices.some((choice) => choice.id === worn)) choices.push({ id: worn, label: "Uploaded avatar" });
  return choices;
}

/** Refuses a file before uploading it when it cannot pass anyway (the server checks again). */
export function localFileProblem(file: { name: string; size: number }, maxBytes: number): string | undefined {
  const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;
  if (!/\.(vrm|glb)$/i.test(file.name)) return `${file.name} is not a .vrm file`;
  if (file.size > maxBytes) return `file is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}`;
  return undefined;
}
