import { randomUUID } from "node:crypto";
import type { Database, Queryable } from "../../storage";
import { describeZodError } from "../../validation";
import { factKey, type FactCandidate, type StoredFact } from "./fact";
import { factPresence, factsStored, rememberNoFacts } from "./factPresence";
import { FactCandidateSchema } from "./factSchema";

export interface FactScope {
  ownerId: string;
  companionId: string;
}

/** What storing a fact did: a new fact, a known one made surer, or a new one replacing an old one. */
export type FactOutcome =
  | { action: "added"; fact: StoredFact }
  | { action: "reinforced"; fact: StoredFact }
  | { action: "superseded"; fact: StoredFact; previous: StoredFact }
  /** A weak guess never overrides what is known. */
  | { action: "ignored"; reason: string };

/** Below this a contradicting fact is not believed over the current one. */
const MIN_CONFIDENCE_TO_SUPERSEDE = 0.5;

interface FactRow {
  id: string;
  kind: StoredFact["kind"];
  subject: string;
  value: string;
  confidence: number;
  source_episodes: string[];
  valid_from: Date | string;
  superseded_by: string | null;
  superseded_at: Date | string | null;
  plan_date: string | null;
}

const columns = (table = "facts") =>
  ["id", "kind", "subject", "value", "confidence", "source_episodes", "valid_from", "superseded_by", "superseded_at"].map((c) => `${table}.${c}`).join(", ") +
  `, ${table}.plan_date::text AS plan_date`;
const COLUMNS = columns();

/**
 * Stores a fact about the owner. The same fact again makes it surer; a different answer to the
 * same question ("lives in Paris" after "lives in London") supersedes the current fact: the old one
 * is kept, marked superseded by the new one. A bad fact is refused with a clear error, storing nothing.
 */
export async function storeFact(db: Database, scope: FactScope, candidate: FactCandidate, sourceEpisodeId: string | undefined, at: Date): Promise<FactOutcome> {
  const parsed = FactCandidateSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`invalid fact: ${describeZodError(parsed.error)}`);
  const fact = parsed.data;
  const key = factKey(fact);
  const sources = sourceEpisodeId ? [sourceEpisodeId] : [];
  // Once it is committed (or not), recall asks again; one asking meanwhile remembers nothing.
  try {
    return await storeInTransaction(db, scope, fact, key, sources, at);
  } finally {
    factsStored(db, scope);
  }
}

async function storeInTransaction(db: Database, scope: FactScope, fact: FactCandidate, key: string, sources: string[], at: Date): Promise<FactOutcome> {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<FactRow>(
      `SELECT ${COLUMNS} FROM facts WHERE companion_id = $1 AND owner_id = $2 AND fact_key = $3 AND superseded_at IS NULL FOR UPDATE`,
      [scope.companionId, scope.ownerId, key],
    );
    if (current && current.kind === fact.kind && sameValue(current.value, fact.value) && (current.plan_date ?? undefined) === fact.planDate) {
      const [row] = await tx.query<FactRow>(
        `UPDATE facts SET confidence = least(1, greatest(confidence, $2) + 0.1), source_episodes = source_episodes || $3::uuid[]
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [current.id, fact.confidence, sources],
      );
      return { action: "reinforced", fact: toFact(row!) };
    }
    if (current && fact.confidence < MIN_CONFIDENCE_TO_SUPERSEDE) {
      return { action: "ignored", reason: `confidence ${fact.confidence} is too low to replace "${current.value}"` };
    }
    const id = randomUUID();
    // The current fact steps aside first: only one current fact per key may exist.
    if (current) await tx.query("UPDATE facts SET superseded_at = $2 WHERE id = $1", [current.id, at.toISOString()]);
    const [row] = await tx.query<FactRow>(
      `INSERT INTO facts (id, owner_id, companion_id, kind, subject, fact_key, value, confidence, source_episodes, valid_from, plan_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11) RETURNING ${COLUMNS}`,
      [id, scope.ownerId, scope.companionId, fact.kind, fact.subject, key, fact.value, fact.confidence, sources, at.toISOString(), fact.planDate ?? null],
    );
    if (!current) return { action: "added", fact: toFact(row!) };
    const [previous] = await tx.query<FactRow>(`UPDATE facts SET superseded_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [current.id, id]);
    return { action: "superseded", fact: toFact(row!), previous: toFact(previous!) };
  });
}

/** Every fact ever stored about the owner under `key`'s question, oldest first (history included). */
export async function factHistory(db: Queryable, scope: FactScope, fact: Pick<FactCandidate, "kind" | "subject">): Promise<StoredFact[]> {
  const rows = await db.query<FactRow>(
    `SELECT ${COLUMNS} FROM facts WHERE companion_id = $1 AND owner_id = $2 AND fact_key = $3 ORDER BY valid_from, created_at`,
    [scope.companionId, scope.ownerId, factKey(fact)],
  );
  return rows.map(toFact);
}

/** A current fact, and what it replaced (for "moved to Paris from London"). */
export interface RecalledFact extends StoredFact {
  previousValue: string | null;
  score: number;
}

/**
 * The current facts that share a word with `query`, best match first. Facts are about the owner
 * and always private: callers ask only when the owner is speaking. An owner found to have no
 * current fact at all is not asked about again until one is stored (embedded database only).
 */
export async function recallFacts(db: Queryable, scope: FactScope, query: string, k: number): Promise<RecalledFact[]> {
  if (!query.trim()) return [];
  const presence = factPresence(db, scope);
  if (presence.none) return [];
  // One row at least: whether the owner has any current fact, with the matching facts (if any).
  const rows = await db.query<Partial<FactRow> & { any_facts: boolean; previous_value: string | null; score: number }>(
    `WITH q AS (
       SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS q FROM unnest(to_tsvector('english', $3))
     )
     SELECT e.any_facts, h.* FROM
       (SELECT EXISTS (SELECT 1 FROM facts WHERE companion_id = $1 AND owner_id = $2 AND superseded_at IS NULL) AS any_facts) e
       LEFT JOIN LATERAL (
         SELECT ${columns("f")},
                (SELECT old.value FROM facts old WHERE old.superseded_by = f.id ORDER BY old.superseded_at DESC LIMIT 1) AS previous_value,
                ts_rank(f.search, q.q) * f.confidence AS score
         FROM facts f, q
         WHERE f.companion_id = $1 AND f.owner_id = $2 AND f.superseded_at IS NULL AND q.q IS NOT NULL AND f.search @@ q.q
         ORDER BY score DESC, f.valid_from DESC
         LIMIT $4
       ) h ON true`,
    [scope.companionId, scope.ownerId, query, k],
  );
  if (rows.length > 0 && !rows[0]!.any_facts) rememberNoFacts(db, scope, presence.mark);
  return rows
    .filter((row): row is FactRow & (typeof rows)[number] => row.id != null)
    .map((row) => ({ ...toFact(row), previousValue: row.previous_value, score: Number(row.score) }));
}

function sameValue(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function toFact(row: FactRow): StoredFact {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    value: row.value,
    confidence: Number(row.confidence),
    planDate: row.plan_date ?? undefined,
    sourceEpisodes: row.source_episodes,
    validFrom: new Date(row.valid_from),
    supersededBy: row.superseded_by,
    supersededAt: row.superseded_at ? new Date(row.superseded_at) : null,
  };
}
