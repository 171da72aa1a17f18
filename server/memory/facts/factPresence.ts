import type { Database, Queryable } from "../../storage";
import type { FactScope } from "./factStore";

interface Presence {
  /** The owners (companion/owner) known to have no current fact. */
  without: Set<string>;
  /** Facts stored so far: a recall that began before a store must not remember "none" after it. */
  stores: number;
}

const byDatabase = new WeakMap<Queryable, Presence>();

const key = (scope: FactScope) => `${scope.companionId}/${scope.ownerId}`;

/**
 * Only an embedded database is known to be written by this process alone: on PostgreSQL another
 * server process may store a fact (an import) that a cache here would never hear of.
 */
function presence(db: Queryable): Presence | undefined {
  if ((db as Partial<Database>).kind !== "pglite") return undefined;
  let known = byDatabase.get(db);
  if (!known) byDatabase.set(db, (known = { without: new Set(), stores: 0 }));
  return known;
}

/**
 * Whether the owner is known to have no current fact, so recall may skip asking (a reply recalls
 * for every line, and most companions know nothing of their owner for a long while); with the
 * mark to hand to `rememberNoFacts` when asking finds none. Never known on PostgreSQL.
 */
export function factPresence(db: Queryable, scope: FactScope): { none: boolean; mark: number } {
  const known = presence(db);
  return { none: known?.without.has(key(scope)) ?? false, mark: known?.stores ?? 0 };
}

/** Asking (begun at `mark`) found no current fact: later recalls skip asking until one is stored. */
export function rememberNoFacts(db: Queryable, scope: FactScope, mark: number): void {
  const known = presence(db);
  if (known && known.stores === mark) known.without.add(key(scope));
}

/** Facts about the owner were stored (or imported): recall asks the database again. */
export function factsStored(db: Queryable, scope: FactScope): void {
  const known = byDatabase.get(db);
  if (!known) return;
  known.stores++;
  known.without.delete(key(scope));
}
