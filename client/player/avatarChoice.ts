import { DEFAULT_AVATAR_PRESET, isAvatarPresetId, type AvatarPresetId } from "../../shared/avatars";

const AVATAR_KEY = "kindred.avatar";

/** The preset this browser last chose for its player, or the default one. */
export function rememberedAvatar(): AvatarPresetId {
  try {
    const stored = localStorage.getItem(AVATAR_KEY) ?? "";
    return isAvatarPresetId(stored) ? stored : DEFAULT_AVATAR_PRESET;
  } catch {
    // Storage unavailable (private mode): the default body, every time.
    return DEFAULT_AVATAR_PRESET;
  }
}

export function rememberAvatar(id: AvatarPresetId): void {
  try {
    localStorage.setItem(AVATAR_KEY, id);
  } catch {
    // Storage refused: the choice lasts this visit only.
  }
}
