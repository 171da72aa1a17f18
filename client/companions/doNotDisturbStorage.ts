/** Do not disturb as this browser keeps it: whether it is wanted, and which companions it muted. */
export const DO_NOT_DISTURB_KEY = "kindred.doNotDisturb";

export interface StoredDoNotDisturb {
  wanted: boolean;
  /** Companion ids it muted and has not unmuted yet (a page closed mid-session leaves them). */
  muted: string[];
}

export function loadDoNotDisturb(): StoredDoNotDisturb {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(DO_NOT_DISTURB_KEY) ?? "{}");
    const record = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    const muted = Array.isArray(record.muted) ? record.muted.filter((id): id is string => typeof id === "string" && id.length > 0) : [];
    return { wanted: record.wanted === true, muted };
  } catch {
    // No storage (private mode, tests) or a corrupt entry: off, nothing to undo.
    return { wanted: false, muted: [] };
  }
}

export function saveDoNotDisturb(stored: StoredDoNotDisturb): void {
  try {
    localStorage.setItem(DO_NOT_DISTURB_KEY, JSON.stringify(stored));
  } catch {
    // Storage refused: the choice holds for this visit only.
  }
}
