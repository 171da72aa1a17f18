import type { LedgerMemory, MemoryPage } from "../../../shared/memory";
import type { Database, Queryable } from "../../storage";
import type { MemoryKind, Visibility } from "../episode";
import { relinkAfterDelete, relinkAfterEdit } from "./episodeContext";
import { checkId, LedgerError } from "./ledgerError";
import type { OwnerScope } from "./ownerScope";

export interface MemoryListOptions {
  /** Words to search for (web-search syntax: "quoted phrases", -excluded); all must match. */
  q?: string | undefined;
  kind?: MemoryKind | undefined;
  limit: number;
  /** The `next` cursor of the previous page: only older memories. */
  before?: string | undefined;
}

export interface MemoryEdit {
  text?: string | undefined;
  visibility?: Visibility | undefined;
  importance?: number | undefined;
}

/** A memory as the database returns it: the ledger's view, but for its time and its place in line. */
interface Row extends Omit<LedgerMemory, "happenedAt"> {
  seq: string | number;
  happened_at: Date | string;
}

const COLUMNS = "id, seq, kind, text, speaker, happened_at, world, place, visibility, importance, emotion, participants";

/**
 * Newest first (insertion order), a page at a time. A search uses the same full-text column and
 * GIN index as recall, but asks for every word in the memory itself (a ledger search narrows;
 * recall casts wide).
 */
export async function listMemories(db: Queryable, scope: OwnerScope, options: MemoryListOptions): Promise<MemoryPage> {
  const before = options.before === undefined ? null : parseCursor(options.before);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS} FROM memories
     WHERE companion_id = $1 AND owner_id = $2
       -- The memory's own words (weight A), not its neighbours' that recall also searches.
       AND ($3::text IS NULL OR (search @@ websearch_to_tsquery('english', $3) AND ts_filter(search, '{a}') @@ websearch_to_tsquery('english', $3)))
       AND ($4::text IS NULL OR kind = $4)
       AND ($5::bigint IS NULL OR seq < $5)
     ORDER BY seq DESC LIMIT $6`,
    [scope.companionId, scope.ownerId, options.q?.trim() || null, options.kind ?? null, before, options.limit + 1],
  );
  const page = rows.slice(0, options.limit);
  return { memories: page.map(toLedgerMemory), next: rows.length > options.limit ? String(page.at(-1)!.seq) : null };
}

/** Changes a memory's text, visibility or importance; its neighbours' search context follows the text. */
export async function editMemory(db: Database, scope: OwnerScope, memoryId: string, edit: MemoryEdit): Promise<LedgerMemory> {
  checkId(memoryId, "memory");
  return db.transaction(async (tx) => {
    const current = await lockMemory(tx, scope, memoryId);
    const [row] = await tx.query<Row>(
      `UPDATE memories SET text = coalesce($2, text), visibility = coalesce($3, visibility), importance = coalesce($4, importance)
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [memoryId, edit.text ?? null, edit.visibility ?? null, edit.importance ?? null],
    );
    if (edit.text !== undefined && edit.text !== current.text) {
      if (current.kind === "episode") await relinkAfterEdit(tx, scope, current.seq, edit.text);
      // The vector described the old words; the embedding queue's next sweep embeds the new ones.
      await tx.query("DELETE FROM memory_embeddings WHERE memory_id = $1", [memoryId]);
    }
    return toLedgerMemory(row!);
  });
}

/**
 * Forgets one memory: the row, its vector (cascade), its words in its neighbours' search context,
 * and its place among the facts' sources. Resolves to the turn it was made of (live conversations
 * forget that turn too).
 */
export async function deleteMemory(db: Database, scope: OwnerScope, memoryId: string): Promise<string | null> {
  checkId(memoryId, "memory");
  return db.transaction(async (tx) => {
    const current = await lockMemory(tx, scope, memoryId);
    await tx.query("DELETE FROM memories WHERE id = $1", [memoryId]);
    if (current.kind === "episode") await relinkAfterDelete(tx, scope, current.seq);
    await tx.query(
      "UPDATE facts SET source_episodes = array_remove(source_episodes, $3::uuid) WHERE companion_id = $1 AND owner_id = $2 AND $3::uuid = ANY (source_episodes)",
      [scope.companionId, scope.ownerId, memoryId],
    );
    return current.sourceTurn;
  });
}

async function lockMemory(tx: Queryable, scope: OwnerScope, memoryId: string): Promise<{ kind: MemoryKind; seq: number; text: string; sourceTurn: string | null }> {
  const [row] = await tx.query<{ kind: MemoryKind; seq: string | number; text: string; source_turn: string | null }>(
    "SELECT kind, seq, text, source_turn FROM memories WHERE id = $1 AND companion_id = $2 AND owner_id = $3 FOR UPDATE",
    [memoryId, scope.companionId, scope.ownerId],
  );
  if (!row) throw new LedgerError("not_found", `no memory "${memoryId}"`);
  return { kind: row.kind, seq: Number(row.seq), text: row.text, sourceTurn: row.source_turn };
}

function parseCursor(cursor: string): string {
  if (!/^\d{1,18}$/.test(cursor)) throw new LedgerError("invalid", `before: "${cursor}" is not a cursor from a previous page`);
  return cursor;
}

function toLedgerMemory(row: Row): LedgerMemory {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    speaker: row.speaker,
    happenedAt: new Date(row.happened_at).toISOString(),
    world: row.world,
    place: row.place,
    visibility: row.visibility,
    importance: Number(row.importance),
    emotion: row.emotion,
    participants: row.participants,
  };
}
