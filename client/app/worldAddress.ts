const DEFAULT_WORLD = "plaza";

/** The world named in the address bar (?world=garden), so a reload returns to the same place. */
export function worldFromAddress(): string {
  const id = new URLSearchParams(window.location.search).get("world");
  return id && /^[a-z][a-z0-9-]{0,31}$/.test(id) ? id : DEFAULT_WORLD;
}

export function rememberWorldInAddress(worldId: string): void {
  const url = new URL(window.location.href);
  if (worldId === DEFAULT_WORLD) url.searchParams.delete("world");
  else url.searchParams.set("world", worldId);
  window.history.replaceState(null, "", url);
}
