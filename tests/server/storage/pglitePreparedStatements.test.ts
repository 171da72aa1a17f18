import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { pglitePreparedStatements } from "../../../server/storage/pglitePreparedStatements";
import type { Database } from "../../../server/storage";
import { openTestDatabase } from "../support/database";

let db: Database & { pglite: PGlite };
beforeAll(async () => {
  db = await openTestDatabase();
  await db.exec(`CREATE TABLE things (id uuid PRIMARY KEY, name text NOT NULL UNIQUE, tags text[], seen timestamptz, meta jsonb, score real, big bigint, ok boolean)`);
});
afterAll(() => db.close());

const ours = () => db.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY name");

describe("statements prepared once per database (PGlite)", () => {
  it("give exactly the rows and values PGlite's own query gives, for every type the server uses", async () => {
    const row = ["7d0c8a52-3f2b-4b8e-9a59-1f1e5d2c9b01", "lamp", ["a", "b, c", 'd"e'], new Date("2026-05-01T10:00:00.123Z"), { x: [1, "y"] }, 0.25, "9007199254740993", true];
    await db.query("INSERT INTO things VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", row);
    await db.query("INSERT INTO things (id, name) VALUES ($1, $2)", ["0b6f3a1e-51b8-4c1e-8f0c-2a9a8e5d7c11", "empty"]);
    const sql = "SELECT *, score * $1::float8 AS scaled, $2::text IS NULL AS no_text FROM things WHERE name = ANY($3) ORDER BY name";
    const params = [2, null, ["lamp", "empty"]];
    const rows = await db.query(sql, params);
    expect(rows).toEqual((await db.pglite.query(sql, params)).rows);
    expect(rows[1]).toMatchObject({ name: "lamp", tags: ["a", "b, c", 'd"e'], meta: { x: [1, "y"] }, scaled: 0.5, no_text: true, ok: true });
    expect((rows[1] as { seen: Date }).seen.toISOString()).toBe("2026-05-01T10:00:00.123Z");
  });

  it("parse and plan a statement once, however often and with whatever values it runs", async () => {
    const before = (await ours()).length;
    for (const name of ["lamp", "empty", "none", "lamp"]) await db.query("SELECT id FROM things WHERE name = $1", [name]);
    // The statement above is one more, not four (`ours` itself was prepared before it counted).
    expect((await ours()).length).toBe(before + 1);
    expect(await db.query("SELECT name FROM things WHERE name = $1", ["empty"])).toEqual([{ name: "empty" }]);
  });

  it("refuse a bad statement or value with Postgres's error, and run the next one as usual", async () => {
    await expect(db.query("SELEC name FROM things", [])).rejects.toThrow(/syntax error at or near "SELEC"/);
    await expect(db.query("INSERT INTO things (id, name) VALUES ($1, $2)", ["1e0c8a52-3f2b-4b8e-9a59-1f1e5d2c9b01", "lamp"])).rejects.toThrow(/duplicate key value violates unique constraint "things_name_key"/);
    await expect(db.query("SELECT name FROM things WHERE id = $1", ["not-a-uuid"])).rejects.toThrow(/invalid input syntax for type uuid/);
    expect(await db.query<{ n: number }>("SELECT count(*)::int AS n FROM things", [])).toEqual([{ n: 2 }]);
  });

  it("prepare a statement again when the table under it changed its columns", async () => {
    const all = "SELECT * FROM things WHERE name = $1";
    expect(Object.keys((await db.query(all, ["lamp"]))[0]!)).not.toContain("colour");
    await db.exec("ALTER TABLE things ADD COLUMN colour text DEFAULT 'red'");
    expect(await db.query(all, ["lamp"])).toEqual([expect.objectContaining({ name: "lamp", colour: "red" })]);
  });

  it("wait for a transaction to end instead of running inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO things (id, name) VALUES ($1, $2)", ["2e0c8a52-3f2b-4b8e-9a59-1f1e5d2c9b01", "ghost"]);
        await held;
        throw new Error("changed my mind");
      })
      .catch((error: Error) => error.message);
    // Issued while the transaction holds an uncommitted row: run inside it, it would see "ghost".
    const counted = db.query<{ n: number }>("SELECT count(*)::int AS n FROM things WHERE name = 'ghost'", []);
    release();
    expect(await rolledBack).toBe("changed my mind");
    expect(await counted).toEqual([{ n: 0 }]);
  });

  it("keep at most the given number prepared, closing the least recently used", async () => {
    const statements = pglitePreparedStatements(db.pglite, 3);
    const before = (await ours()).length;
    for (let i = 0; i < 6; i++) expect(await statements.query(`SELECT ${i}::int AS i`, [])).toEqual([{ i }]);
    expect(statements.size).toBe(3);
    // Evicted statements are closed with the next call's message; this call is one of them.
    expect((await statements.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_prepared_statements", []))[0]!.n - before).toBe(3);
    expect(await statements.query("SELECT 0::int AS i", [])).toEqual([{ i: 0 }]);
  });
});
