import { formatAvatarRef, parseAvatarRef } from "../../shared/avatars";
import type { PersonaBlueprint } from "../../shared/persona";

/**
 * What a companion's appearance puts in the room state: the avatar reference (its uploaded VRM,
 * else its preset; an unknown preset becomes the default) and the tints as JSON. Tints name the
 * presets' materials, so an uploaded VRM gets none.
 */
export function companionBody(appearance: PersonaBlueprint["appearance"]): { avatar: string; tints: string } {
  if (appearance.customAvatar) return { avatar: formatAvatarRef({ kind: "upload", id: appearance.customAvatar }), tints: "{}" };
  return { avatar: formatAvatarRef(parseAvatarRef(appearance.avatarPreset)), tints: JSON.stringify(appearance.tints) };
}
