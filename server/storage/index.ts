export type { Database, Queryable } from "./database";
export { migrate, type MigrationReport } from "./migrate";
export { MIGRATIONS, type Migration } from "./migrations";
export { openDatabase, type OpenDatabaseOptions } from "./open";
export { openPglite, type PgliteOptions } from "./pglite";
export { openPostgres } from "./postgres";
