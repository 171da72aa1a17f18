/** The guest identity kept in localStorage, so a reload is the same user. */
export interface StoredIdentity {
  token: string;
  userId: string;
  name: string;
}

const KEY = "kindred.identity";

export function loadIdentity(): StoredIdentity | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (isStoredIdentity(parsed)) return parsed;
  } catch {
    // Private mode or a corrupt entry: behave as a first visit.
  }
  return null;
}

export function saveIdentity(identity: StoredIdentity): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Storage refused (private mode, quota): the session still works, only reloads forget it.
  }
}

export function forgetIdentity(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored to forget.
  }
}

function isStoredIdentity(value: unknown): value is StoredIdentity {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === "string" && typeof v.userId === "string" && typeof v.name === "string";
}
