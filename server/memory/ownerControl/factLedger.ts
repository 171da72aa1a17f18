import type { LedgerFact, LedgerFactVersion } from "../../../shared/memory";
import type { Database, Queryable } from "../../storage";
import type { FactKind } from "../facts/fact";
import { checkId, LedgerError } from "./ledgerError";
import type { OwnerScope } from "./ownerScope";

export interface FactEdit {
  value?: string | undefined;
  confidence?: number | undefined;
  /** YYYY-MM-DD, or null to drop the date. */
  planDate?: string | null | undefined;
}

interface Row {
  id: string;
  kind: FactKind;
  subject: string;
  fact_key: string;
  value: string;
  confidence: number;
  plan_date: string | null;
  valid_from: Date | string;
  superseded_at: Date | string | null;
}

const COLUMNS = "id, kind, subject, fact_key, value, confidence, plan_date::text AS plan_date, valid_from, superseded_at";

/** Every fact, grouped by the question it answers; the newest facts first. */
export async function listFacts(db: Queryable, scope: OwnerScope): Promise<LedgerFact[]> {
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM facts WHERE companion_id = $1 AND owner_id = $2
     ORDER BY (superseded_at IS NULL) DESC, valid_from DESC, created_at DESC`,
    [scope.companionId, scope.ownerId],
  );
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.fact_key, [...(groups.get(row.fact_key) ?? []), row]);
  return [...groups.values()]
    .map(([head, ...older]) => ({ ...toFact(head!), history: older.map(toVersion) }))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}

/** Corrects the current fact in place (the question it answers stays the same). */
export async function editFact(db: Database, scope: OwnerScope, factId: string, edit: FactEdit): Promise<LedgerFact> {
  checkId(factId, "fact");
  return db.transaction(async (tx) => {
    const current = await lockFact(tx, scope, factId);
    if (current.superseded_at !== null) {
      throw new LedgerError("conflict", "only the current fact can be edited: an earlier answer records what was said then (delete it instead)");
    }
    await tx.query(
      `UPDATE facts SET value = coalesce($2, value), confidence = coalesce($3, confidence),
              plan_date = CASE WHEN $4::boolean THEN $5::date ELSE plan_date END
       WHERE id = $1`,
      [factId, edit.value ?? null, edit.confidence ?? null, edit.planDate !== undefined, edit.planDate ?? null],
    );
    const [updated] = await listFacts(tx, scope).then((facts) => facts.filter((fact) => fact.id === factId));
    return updated!;
  });
}

/**
 * Forgets a fact. Forgetting the current answer forgets its history too: an older answer must not
 * come back as if it were true again. Forgetting one earlier answer removes just that one.
 */
export async function deleteFact(db: Database, scope: OwnerScope, factId: string): Promise<{ deleted: number }> {
  checkId(factId, "fact");
  return db.transaction(async (tx) => {
    const fact = await lockFact(tx, scope, factId);
    const rows = await tx.query(
      `DELETE FROM facts WHERE companion_id = $1 AND owner_id = $2 AND (id = $3 OR ($4::boolean AND fact_key = $5)) RETURNING id`,
      [scope.companionId, scope.ownerId, factId, fact.superseded_at === null, fact.fact_key],
    );
    return { deleted: rows.length };
  });
}

async function lockFact(tx: Queryable, scope: OwnerScope, factId: string): Promise<Row> {
  const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM facts WHERE id = $1 AND companion_id = $2 AND owner_id = $3 FOR UPDATE`, [
    factId,
    scope.companionId,
    scope.ownerId,
  ]);
  if (!row) throw new LedgerError("not_found", `no fact "${factId}"`);
  return row;
}

function toVersion(row: Row): LedgerFactVersion {
  return {
    id: row.id,
    value: row.value,
    validFrom: new Date(row.valid_from).toISOString(),
    supersededAt: row.superseded_at === null ? null : new Date(row.superseded_at).toISOString(),
  };
}

function toFact(row: Row): Omit<LedgerFact, "history"> {
  return { ...toVersion(row), kind: row.kind, subject: row.subject, confidence: Number(row.confidence), planDate: row.plan_date, current: row.superseded_at === null };
}
