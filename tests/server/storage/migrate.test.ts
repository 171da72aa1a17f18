import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserStore } from "../../../server/auth";
import { migrate, MIGRATIONS, type Database, type Migration } from "../../../server/storage";
import { openTestDatabase } from "../support/database";

// One database for the file: the steps build on each other, as upgrades do.
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

// Versions relative to the shipped ones, so a new shipped migration does not break these steps.
const SHIPPED = MIGRATIONS.map((m) => m.version);
const LATEST = SHIPPED.at(-1)!;
const notes: Migration = { version: LATEST + 1, name: "notes", up: "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL);" };

describe("migrate", () => {
  it("applies the shipped migrations to an empty database and records them", async () => {
    expect(await migrate(db, MIGRATIONS)).toEqual({ applied: SHIPPED, version: LATEST });
    const recorded = await db.query<{ version: number; name: string }>("SELECT version, name FROM schema_migrations ORDER BY version");
    expect(recorded).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const [distance] = await db.query<{ d: number }>("SELECT '[1,2,3]'::vector <-> '[1,2,5]'::vector AS d");
    expect(distance!.d).toBe(2);
  });

  it("is a no-op when run again", async () => {
    expect(await migrate(db, MIGRATIONS)).toEqual({ applied: [], version: LATEST });
    expect(await db.query("SELECT version FROM schema_migrations")).toHaveLength(MIGRATIONS.length);
  });

  it("applies only what is new", async () => {
    expect(await migrate(db, [...MIGRATIONS, notes])).toEqual({ applied: [notes.version], version: notes.version });
    await db.query("INSERT INTO notes (body) VALUES ($1)", ["hello"]);
    expect(await db.query("SELECT body FROM notes")).toEqual([{ body: "hello" }]);
  });

  it("rolls back every pending migration when one fails", async () => {
    const good: Migration = { version: notes.version + 1, name: "good", up: "CREATE TABLE good_table (id int);" };
    const bad: Migration = { version: notes.version + 2, name: "bad", up: "CREATE TABLE bad_table (id int); SELECT no_such_column FROM good_table;" };
    await expect(migrate(db, [...MIGRATIONS, notes, good, bad])).rejects.toThrow(new RegExp(`migration ${bad.version} \\(bad\\) failed: .*no_such_column`));
    const tables = await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('good_table', 'bad_table')",
    );
    expect(tables).toEqual([]);
    const [latest] = await db.query<{ v: number }>("SELECT max(version) AS v FROM schema_migrations");
    expect(latest!.v).toBe(notes.version);
  });

  it("refuses a database migrated by a newer version", async () => {
    await expect(migrate(db, MIGRATIONS)).rejects.toThrow(new RegExp(`migration\\(s\\) ${notes.version} that this version of Kindred does not know`));
  });

  it("refuses a migration list out of order", async () => {
    const early: Migration = { version: 1, name: "again", up: "SELECT 1;" };
    await expect(migrate(db, [...MIGRATIONS, early])).rejects.toThrow(new RegExp(`out of order: 1 \\(again\\) comes after ${LATEST}`));
  });
});

describe("Database.transaction", () => {
  it("rolls back when the work throws", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO notes (body) VALUES ($1)", ["lost"]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.query("SELECT body FROM notes WHERE body = 'lost'")).toEqual([]);
  });
});

describe("UserStore", () => {
  it("creates, finds and renames users", async () => {
    const users = createUserStore(db);
    const ann = await users.create("Ann");
    expect(ann).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "Ann", createdAt: expect.any(Date), lastSeenAt: expect.any(Date) });
    expect(await users.find(ann.id)).toEqual(ann);
    const renamed = await users.touch(ann.id, "Annie");
    expect(renamed?.name).toBe("Annie");
    expect(renamed!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(ann.lastSeenAt.getTime());
    expect((await users.touch(ann.id))?.name).toBe("Annie");
  });

  it("finds nobody for unknown or malformed ids", async () => {
    const users = createUserStore(db);
    expect(await users.find("00000000-0000-4000-8000-000000000000")).toBeUndefined();
    expect(await users.find("'; DROP TABLE users; --")).toBeUndefined();
    expect(await users.touch("not-a-uuid", "x")).toBeUndefined();
  });
});
