/** A guest identity kept in localStorage, so a reload is the same user. */
export interface StoredIdentity {
  token: string;
  userId: string;
  name: string;
}

/**
 * Identities are kept per display name: a reload (same name) is the same user, while a second
 * tab where someone else types their own name is another person, as it would be on another
 * device.
 */
const IDENTITIES_KEY = "kindred.identities";
const LAST_NAME_KEY = "kindred.lastName";

/** Names are matched without regard to case or spacing: "Ada" and " ada " are one person. */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function readAll(): Record<string, StoredIdentity> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(IDENTITIES_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null) return {};
    const valid: Record<string, StoredIdentity> = {};
    for (const [key, value] of Object.entries(parsed)) if (isStoredIdentity(value)) valid[key] = value;
    return valid;
  } catch {
    // Private mode or a corrupt entry: behave as a first visit.
    return {};
  }
}

function writeAll(identities: Record<string, StoredIdentity>): void {
  try {
    localStorage.setItem(IDENTITIES_KEY, JSON.stringify(identities));
  } catch {
    // Storage refused (private mode, quota): the session still works, only reloads forget it.
  }
}

export function loadIdentity(name: string): StoredIdentity | null {
  return readAll()[nameKey(name)] ?? null;
}

export function saveIdentity(identity: StoredIdentity): void {
  writeAll({ ...readAll(), [nameKey(identity.name)]: identity });
  try {
    localStorage.setItem(LAST_NAME_KEY, identity.name);
  } catch {
    // As above: only the prefilled name is lost.
  }
}

export function forgetIdentity(name: string): void {
  const identities = readAll();
  delete identities[nameKey(name)];
  writeAll(identities);
}

/** The name used last in this browser, to prefill the name field. */
export function lastUsedName(): string {
  try {
    return localStorage.getItem(LAST_NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

function isStoredIdentity(value: unknown): value is StoredIdentity {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === "string" && typeof v.userId === "string" && typeof v.name === "string";
}
