import { randomUUID } from "node:crypto";
import type { ImportMode, ImportReport } from "../../../shared/memory";
import type { Database, Queryable } from "../../storage";
import { factKey } from "../facts/fact";
import { factsStored } from "../facts/factPresence";
import type { ExportedFact, ExportedMemories, ExportedMemory, ExportedRelationship } from "./exportDocument";
import { forgetWithin } from "./forgetEverything";
import type { OwnerScope } from "./ownerScope";

/** Rows per INSERT: one statement per batch keeps a large import fast without huge parameters. */
const BATCH = 1000;

/**
 * Imports a parsed export document (see parseCompanionExport) in one transaction: every row gets
 * a new id and the references between rows follow; the exporting owner's own words become the
 * importing owner's. All or nothing. Merging skips a memory it has (same kind, time, speaker and
 * text) and a question it has an answer to (a fact key): importing twice adds nothing.
 */
export async function importMemories(db: Database, scope: OwnerScope, document: ExportedMemories & { ownerId: string }, mode: ImportMode): Promise<ImportReport> {
  return db.transaction<ImportReport>(async (tx) => {
    if (mode === "replace") await forgetWithin(tx, scope);
    const memoryIds = await insertMemories(tx, scope, document.memories, document.ownerId, mode === "merge");
    const facts = await insertFacts(tx, scope, document.facts, memoryIds);
    const relationship = document.relationship ? await upsertRelationship(tx, scope, document.relationship) : "none";
    return {
      mode,
      memories: { added: memoryIds.size, skipped: document.memories.length - memoryIds.size },
      facts: { added: facts, skipped: document.facts.length - facts },
      relationship,
    };
  }).finally(() => factsStored(db, scope)); // recall may have remembered this owner had no facts
}

/** Inserts in the document's order (so insertion order, and "the turn before", survive); returns old id → new id of those added. */
async function insertMemories(tx: Queryable, scope: OwnerScope, memories: readonly ExportedMemory[], exportingOwner: string, skipKnown: boolean): Promise<Map<string, string>> {
  const known = skipKnown ? await knownMemories(tx, scope) : new Set<string>();
  const fresh = memories.filter((m) => {
    const key = memoryKey(m);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  const added = new Map<string, string>();
  for (let start = 0; start < fresh.length; start += BATCH) {
    const batch = fresh.slice(start, start + BATCH).map((m) => {
      const id = randomUUID();
      added.set(m.id, id);
      return { ...m, id, speakerId: m.speakerId === exportingOwner ? scope.ownerId : m.speakerId };
    });
    await tx.query(
      `INSERT INTO memories (id, owner_id, companion_id, kind, visibility, text, speaker, speaker_id, participants, emotion, interrupted,
                             happened_at, world, place, importance, source_turn, before_text, after_text)
       SELECT (e->>'id')::uuid, $1, $2, e->>'kind', e->>'visibility', e->>'text', e->>'speaker', (e->>'speakerId')::uuid,
              ARRAY(SELECT jsonb_array_elements_text(e->'participants')), e->>'emotion', (e->>'interrupted')::boolean,
              (e->>'happenedAt')::timestamptz, e->>'world', e->>'place', (e->>'importance')::real, e->>'sourceTurn',
              e->>'beforeText', e->>'afterText'
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, n)
       ORDER BY n`,
      [scope.ownerId, scope.companionId, JSON.stringify(batch)],
    );
  }
  return added;
}

/**
 * What makes two memories the same one: kind, time, speaker and text; a milestone by its id alone
 * (it is reached once, whenever that was).
 */
function memoryKey(m: Pick<ExportedMemory, "kind" | "happenedAt" | "speaker" | "text" | "sourceTurn">): string {
  if (m.kind === "milestone" && m.sourceTurn?.startsWith("milestone:")) return m.sourceTurn;
  return JSON.stringify([m.kind, new Date(m.happenedAt).getTime(), m.speaker, m.text]);
}

/** The keys of the memories already here, read once: one query instead of a look-up per imported row. */
async function knownMemories(tx: Queryable, scope: OwnerScope): Promise<Set<string>> {
  const rows = await tx.query<{ kind: ExportedMemory["kind"]; happened_at: Date | string; speaker: string | null; text: string; source_turn: string | null }>(
    "SELECT kind, happened_at, speaker, text, source_turn FROM memories WHERE companion_id = $1 AND owner_id = $2",
    [scope.companionId, scope.ownerId],
  );
  return new Set(rows.map((r) => memoryKey({ kind: r.kind, happenedAt: new Date(r.happened_at).toISOString(), speaker: r.speaker, text: r.text, sourceTurn: r.source_turn })));
}

/**
 * Facts whose question (key) the companion has no answer to yet, with their history; the
 * supersession links are set once every new id exists. Returns how many were added.
 */
async function insertFacts(tx: Queryable, scope: OwnerScope, facts: readonly ExportedFact[], memoryIds: ReadonlyMap<string, string>): Promise<number> {
  const knownKeys = new Set(
    (await tx.query<{ fact_key: string }>("SELECT DISTINCT fact_key FROM facts WHERE companion_id = $1 AND owner_id = $2", [scope.companionId, scope.ownerId])).map((r) => r.fact_key),
  );
  const fresh = facts.filter((f) => !knownKeys.has(factKey(f))).map((f) => ({ ...f, oldId: f.id, id: randomUUID(), factKey: factKey(f) }));
  const newId = new Map(fresh.map((f) => [f.oldId, f.id]));
  const rows = fresh.map((f) => ({
    ...f,
    // A source the document did not carry (or merge skipped) is dropped rather than dangling.
    sourceEpisodes: f.sourceEpisodes.flatMap((id) => memoryIds.get(id) ?? []),
    supersededBy: f.supersededBy === null ? null : (newId.get(f.supersededBy) ?? null),
  }));
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.query(
      `INSERT INTO facts (id, owner_id, companion_id, kind, subject, fact_key, value, confidence, source_episodes, valid_from, superseded_at, plan_date)
       SELECT (e->>'id')::uuid, $1, $2, e->>'kind', e->>'subject', e->>'factKey', e->>'value', (e->>'confidence')::real,
              ARRAY(SELECT jsonb_array_elements_text(e->'sourceEpisodes'))::uuid[], (e->>'validFrom')::timestamptz,
              (e->>'supersededAt')::timestamptz, (e->>'planDate')::date
       FROM jsonb_array_elements($3::jsonb) AS t(e)`,
      [scope.ownerId, scope.companionId, JSON.stringify(rows.slice(start, start + BATCH))],
    );
  }
  const links = rows.filter((f) => f.supersededBy !== null).map((f) => ({ id: f.id, by: f.supersededBy }));
  if (links.length > 0) {
    await tx.query(
      `UPDATE facts f SET superseded_by = (e->>'by')::uuid FROM jsonb_array_elements($1::jsonb) AS t(e) WHERE f.id = (e->>'id')::uuid`,
      [JSON.stringify(links)],
    );
  }
  return rows.length;
}

/** The document's relationship; when one exists here (merge), the closer of the two, met at the earlier date. */
async function upsertRelationship(tx: Queryable, scope: OwnerScope, r: ExportedRelationship): Promise<"imported" | "merged"> {
  const [row] = await tx.query<{ inserted: boolean }>(
    `INSERT INTO relationships (owner_id, companion_id, closeness, trust, mood, interactions, conversations, personal_shares, first_met, last_seen, milestones)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (owner_id, companion_id) DO UPDATE SET
       closeness = greatest(relationships.closeness, EXCLUDED.closeness),
       trust = greatest(relationships.trust, EXCLUDED.trust),
       interactions = greatest(relationships.interactions, EXCLUDED.interactions),
       conversations = greatest(relationships.conversations, EXCLUDED.conversations),
       personal_shares = greatest(relationships.personal_shares, EXCLUDED.personal_shares),
       first_met = least(relationships.first_met, EXCLUDED.first_met),
       last_seen = greatest(relationships.last_seen, EXCLUDED.last_seen),
       milestones = relationships.milestones || ARRAY(SELECT m FROM unnest(EXCLUDED.milestones) AS m WHERE m <> ALL (relationships.milestones))
     RETURNING (xmax = 0) AS inserted`,
    [scope.ownerId, scope.companionId, r.closeness, r.trust, r.mood, r.interactions, r.conversations, r.personalShares, r.firstMet, r.lastSeen, r.milestones],
  );
  return row!.inserted ? "imported" : "merged";
}
