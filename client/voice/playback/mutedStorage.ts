/** Companions this browser keeps muted, by companion id, across reloads and worlds. */
const MUTED_KEY = "kindred.voice.muted";

export function loadMuted(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(MUTED_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const muted: Record<string, boolean> = {};
    for (const [companionId, value] of Object.entries(parsed)) if (value === true) muted[companionId] = true;
    return muted;
  } catch {
    // No storage (private mode, tests) or a corrupt entry: everyone is heard.
    return {};
  }
}

/** Only muted companions are written: unmuting one removes it. */
export function saveMuted(muted: Record<string, boolean>): void {
  const kept: Record<string, true> = {};
  for (const [companionId, value] of Object.entries(muted)) if (value) kept[companionId] = true;
  try {
    localStorage.setItem(MUTED_KEY, JSON.stringify(kept));
  } catch {
    // Storage refused: the choice holds for this visit only.
  }
}
