import { isAvatarPresetId, type AvatarPresetId } from "./presets";

/**
 * What the room state and a persona say about a body: a preset id (`wren`) or an uploaded VRM
 * (`upload:<avatarId>`). Unknown references fall back to the default preset, never to nothing.
 */
export type AvatarRef = { kind: "preset"; id: AvatarPresetId } | { kind: "upload"; id: string };

export const DEFAULT_AVATAR_PRESET: AvatarPresetId = "wren";
const UPLOAD_PREFIX = "upload:";
const UPLOAD_ID = /^[a-zA-Z0-9_-]{1,64}$/;

export function parseAvatarRef(ref: string): AvatarRef {
  if (ref.startsWith(UPLOAD_PREFIX)) {
    const id = ref.slice(UPLOAD_PREFIX.length);
    if (UPLOAD_ID.test(id)) return { kind: "upload", id };
  }
  return { kind: "preset", id: isAvatarPresetId(ref) ? ref : DEFAULT_AVATAR_PRESET };
}

export function formatAvatarRef(ref: AvatarRef): string {
  return ref.kind === "upload" ? `${UPLOAD_PREFIX}${ref.id}` : ref.id;
}

/** Where the client fetches the VRM file for a reference (served by the Kindred server). */
export function avatarUrl(ref: AvatarRef): string {
  return ref.kind === "upload" ? `/api/avatars/${ref.id}/file` : `/avatars/presets/${ref.id}.vrm`;
}
