import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openPglite } from "../../../server/storage";

// initdb costs seconds; loading a dumped fresh cluster costs well under one. The dump is a
// fresh, empty cluster (no migrations), so tests still exercise the real migration runner.
const PGLITE_VERSION = (JSON.parse(readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
const TEMPLATE = path.join(tmpdir(), `kindred-test-pglite-${PGLITE_VERSION}-template.tar`);

async function template(): Promise<Blob> {
  if (!existsSync(TEMPLATE)) {
    const fresh = await PGlite.create();
    const dump = await fresh.dumpDataDir("none");
    await fresh.close();
    // Write then rename: parallel test files never read a half-written template.
    const partial = `${TEMPLATE}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, TEMPLATE);
  }
  return new Blob([readFileSync(TEMPLATE)]);
}

/** An in-memory PGlite (with pgvector) for one test file. Close it in afterAll. */
export async function openTestDatabase() {
  return openPglite({ loadDataDir: await template() });
}
