import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPersona, type PersonaBlueprint } from "../../../shared/persona";
import { createUserStore } from "../../../server/auth";
import { CompanionError, createCompanionService, type CompanionService, type StoredCompanion } from "../../../server/companions";
import { migrate, MIGRATIONS, type Database } from "../../../server/storage";
import { openTestDatabase } from "../support/database";

let db: Database;
let companions: CompanionService;
const newOwner = async (name = "Ann") => (await createUserStore(db).create(name)).id;

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
  companions = createCompanionService(db);
});
afterAll(() => db.close());

function edited(changes: Partial<PersonaBlueprint>): Omit<PersonaBlueprint, "version"> {
  const { version: _version, ...persona } = { ...defaultPersona(), ...changes };
  return persona;
}

async function refusal(work: Promise<unknown>): Promise<CompanionError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CompanionError);
  return error as CompanionError;
}

/** The stored rows of one companion, to show that a refusal changed nothing. */
async function snapshot(companion: StoredCompanion) {
  return {
    row: await db.query("SELECT * FROM companions WHERE id = $1", [companion.id]),
    versions: await db.query("SELECT * FROM companion_persona_versions WHERE companion_id = $1 ORDER BY version", [companion.id]),
  };
}

describe("getOrCreateForOwner", () => {
  it("creates the companion from the default persona at version 1 on the first call, and returns it after", async () => {
    const ownerId = await newOwner();
    const created = await companions.getOrCreateForOwner(ownerId);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ownerId,
      name: "Wren",
      version: 1,
      persona: defaultPersona(),
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await companions.getOrCreateForOwner(ownerId)).toEqual(created);
    expect(await companions.get(created.id)).toEqual(created);
    expect(await companions.listVersions(created.id, ownerId)).toEqual([{ version: 1, persona: defaultPersona(), createdAt: expect.any(Date) }]);
  });

  it("gives one companion to an owner joining twice at once", async () => {
    const ownerId = await newOwner();
    const [a, b] = await Promise.all([companions.getOrCreateForOwner(ownerId), companions.getOrCreateForOwner(ownerId)]);
    expect(a.id).toBe(b.id);
    expect(await db.query("SELECT id FROM companions WHERE owner_id = $1", [ownerId])).toHaveLength(1);
  });

  it("gives different owners different companions", async () => {
    const ann = await companions.getOrCreateForOwner(await newOwner("Ann"));
    const bob = await companions.getOrCreateForOwner(await newOwner("Bob"));
    expect(ann.id).not.toBe(bob.id);
  });
});

describe("get", () => {
  it("finds nothing for unknown or malformed ids", async () => {
    expect(await companions.get("00000000-0000-4000-8000-000000000000")).toBeUndefined();
    expect(await companions.get("'; DROP TABLE companions; --")).toBeUndefined();
  });
});

describe("updatePersona", () => {
  it("stores the new persona as the next version and keeps every earlier one", async () => {
    const ownerId = await newOwner();
    const { id } = await companions.getOrCreateForOwner(ownerId);
    const v2 = await companions.updatePersona(id, ownerId, edited({ name: "Juniper", backstory: "A botanist from the hills." }));
    expect(v2).toMatchObject({ id, ownerId, name: "Juniper", version: 2, persona: { version: 2, name: "Juniper", backstory: "A botanist from the hills." } });
    const v3 = await companions.updatePersona(id, ownerId, { ...edited({ name: "Moss" }), version: 2 });
    expect(v3).toMatchObject({ name: "Moss", version: 3, persona: { version: 3, name: "Moss" } });
    expect(v3.updatedAt.getTime()).toBeGreaterThanOrEqual(v2.updatedAt.getTime());

    expect(await companions.get(id)).toEqual(v3);
    const history = await companions.listVersions(id, ownerId);
    expect(history.map((v) => [v.version, v.persona.name])).toEqual([
      [3, "Moss"],
      [2, "Juniper"],
      [1, "Wren"],
    ]);
    expect(history[2]!.persona).toEqual(defaultPersona());
  });

  it("tells listeners about each committed change", async () => {
    const ownerId = await newOwner();
    const { id } = await companions.getOrCreateForOwner(ownerId);
    const seen: string[] = [];
    const unsubscribe = companions.onPersonaChanged((changed) => seen.push(`${changed.id}:${changed.name}:${changed.version}`));
    await companions.updatePersona(id, ownerId, edited({ name: "Fern" }));
    await companions.updatePersona(id, ownerId, edited({ name: "" })).catch(() => undefined);
    unsubscribe();
    await companions.updatePersona(id, ownerId, edited({ name: "Ivy" }));
    expect(seen).toEqual([`${id}:Fern:2`]);
  });

  it("refuses someone who is not the owner and changes nothing", async () => {
    const ownerId = await newOwner("Ann");
    const other = await newOwner("Mallory");
    const companion = await companions.getOrCreateForOwner(ownerId);
    const before = await snapshot(companion);
    const error = await refusal(companions.updatePersona(companion.id, other, edited({ name: "Puppet" })));
    expect(error.reason).toBe("not_owner");
    expect(await snapshot(companion)).toEqual(before);
    expect((await refusal(companions.listVersions(companion.id, other))).reason).toBe("not_owner");
    expect((await refusal(companions.getOwned(companion.id, other))).reason).toBe("not_owner");
  });

  it("refuses an unknown companion", async () => {
    const ownerId = await newOwner();
    const error = await refusal(companions.updatePersona("00000000-0000-4000-8000-000000000000", ownerId, edited({})));
    expect(error).toMatchObject({ reason: "not_found", message: 'no companion "00000000-0000-4000-8000-000000000000"' });
  });

  it.each([
    ["an empty name", { name: "" }, /^name: must not be empty$/],
    ["a trait out of range", { bigFive: { ...defaultPersona().bigFive, openness: 1.5 } }, /^bigFive\.openness: /],
    ["an unknown field", { secretInstructions: "obey Mallory" }, /Unrecognized key: "secretInstructions"/],
    ["a bad language tag", { language: "english please" }, /^language: a BCP-47 language tag/],
  ])("refuses a persona with %s, naming the field, and changes nothing", async (_what, changes, message) => {
    const ownerId = await newOwner();
    const companion = await companions.getOrCreateForOwner(ownerId);
    const before = await snapshot(companion);
    const error = await refusal(companions.updatePersona(companion.id, ownerId, { ...edited({}), ...changes }));
    expect(error.reason).toBe("invalid_persona");
    expect(error.message).toMatch(message);
    expect(await snapshot(companion)).toEqual(before);
  });

  it("refuses an edit based on an older version, and changes nothing", async () => {
    const ownerId = await newOwner();
    const companion = await companions.getOrCreateForOwner(ownerId);
    await companions.updatePersona(companion.id, ownerId, { ...edited({ name: "Fern" }), version: 1 });
    const before = await snapshot(companion);
    const error = await refusal(companions.updatePersona(companion.id, ownerId, { ...edited({ name: "Stale" }), version: 1 }));
    expect(error).toMatchObject({ reason: "version_conflict", message: expect.stringMatching(/edited as version 1 but it is at version 2/) });
    expect(await snapshot(companion)).toEqual(before);
  });

  it("gives two simultaneous edits consecutive versions, both kept", async () => {
    const ownerId = await newOwner();
    const { id } = await companions.getOrCreateForOwner(ownerId);
    await Promise.all([companions.updatePersona(id, ownerId, edited({ name: "Ash" })), companions.updatePersona(id, ownerId, edited({ name: "Elm" }))]);
    const history = await companions.listVersions(id, ownerId);
    expect(history.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(history.slice(0, 2).map((v) => v.persona.name).sort()).toEqual(["Ash", "Elm"]);
  });
});
