import { mkdirSync } from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { Database, Queryable } from "./database";
import { pglitePreparedStatements } from "./pglitePreparedStatements";
import { startVacuuming } from "./pgliteVacuum";

export interface PgliteOptions {
  /** Folder of the database files; undefined keeps everything in memory. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from instead of running initdb (much faster). */
  loadDataDir?: Blob;
}

/** The embedded PostgreSQL (WASM) with pgvector loaded. */
export async function openPglite({ dataDir, loadDataDir }: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { vector },
  });
  const prepared = pglitePreparedStatements(pglite);
  // PGlite runs no autovacuum worker: tables with many dead rows are vacuumed every few minutes.
  const stopVacuuming = startVacuuming(pglite);
  return {
    kind: "pglite",
    pglite,
    query: <Row>(sql: string, params: readonly unknown[] = []) => prepared.query<Row>(sql, params),
    exec: (sql: string) => pglite.exec(sql).then(() => undefined),
    transaction: (work) => pglite.transaction((tx) => work(queryable(tx))),
    close: () => {
      stopVacuuming();
      return pglite.close();
    },
  };
}

/** Inside a transaction: PGlite's transaction object runs each statement (unnamed). */
function queryable(target: Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}
