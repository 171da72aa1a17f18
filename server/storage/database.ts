/**
 * The one query interface the rest of the server uses, over either the embedded PGlite or a
 * PostgreSQL server: same SQL, same placeholders ($1, $2…), rows as plain objects.
 */
export interface Queryable {
  /** One statement, with parameters; resolves to its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
