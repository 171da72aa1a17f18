import { pino } from "pino";
import { recordEpisode } from "../../../../server/memory";
import { registerEmbeddingModel, type EmbeddingModelRef } from "../../../../server/memory/embeddings";
import { storeEmbeddings } from "../../../../server/memory/embeddings/embeddingStore";
import type { Database, Queryable } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

export const DIMENSIONS = 8;

/** A pino logger whose lines a test can read. */
export function capturingLogger() {
  const lines: Array<{ level: number; msg: string; problem?: string; source?: string }> = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, lines };
}

/** The database with the statements it was sent and their parameters: which vector search ran shows in them. */
export function recordingDatabase(db: Database): { db: Queryable; statements: string[]; params: Array<readonly unknown[] | undefined> } {
  const statements: string[] = [];
  const params: Array<readonly unknown[] | undefined> = [];
  return {
    statements,
    params,
    db: {
      query: (sql, values) => {
        statements.push(sql);
        params.push(values);
        return db.query(sql, values);
      },
      exec: (sql) => db.exec(sql),
    },
  };
}

/** A seeded generator, so a failing case can be run again as it was. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

export function unitVector(random: () => number, toward?: readonly number[], spread = 1): number[] {
  const v = Array.from({ length: DIMENSIONS }, (_, i) => (toward?.[i] ?? 0) + spread * (random() - 0.5));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

export interface StoredMemory {
  id: string;
  seq: number;
  vector: number[];
  visibility: "private" | "shared";
}

/** A migrated database, one owner and companion, and an embedding model of DIMENSIONS. */
export async function openVectorWorld() {
  const db = await openMemoryDatabase();
  const scope = await addOwner(db);
  const model = await registerEmbeddingModel(db, "test/eight-d", DIMENSIONS);
  return { db, scope, model };
}

/** Stores a memory with its vector, as the embedding queue would. */
export async function storeMemory(
  db: Database,
  model: EmbeddingModelRef,
  scope: { ownerId: string; companionId: string },
  vector: number[],
  { visibility = "private", speakerId }: { visibility?: "private" | "shared"; speakerId?: string } = {},
): Promise<StoredMemory> {
  const { id } = await recordEpisode(db, { ...scope, text: "a memory", visibility, speakerId });
  await storeEmbeddings(db, model, [{ memoryId: id, vector }]);
  const [row] = await db.query<{ seq: string | number }>("SELECT seq FROM memories WHERE id = $1", [id]);
  return { id, seq: Number(row!.seq), vector, visibility };
}

/** The exact nearest `k` by cosine distance among `memories` (what the index should approximate). */
export function exactNearest(memories: readonly StoredMemory[], query: readonly number[], k: number): string[] {
  const cosine = (v: readonly number[]) => 1 - v.reduce((sum, x, i) => sum + x * query[i]!, 0) / (Math.hypot(...v) * Math.hypot(...query));
  return [...memories].sort((a, b) => cosine(a.vector) - cosine(b.vector) || b.seq - a.seq).slice(0, k).map((m) => m.id);
}
