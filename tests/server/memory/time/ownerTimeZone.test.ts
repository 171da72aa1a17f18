import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateTokens } from "../../../../server/companion";
import { createLogger } from "../../../../server/logging";
import { createCompanionMemory, recordEpisode, type CompanionMemory, type MemorySessionOptions } from "../../../../server/memory";
import { lastKnownTimeZone } from "../../../../server/memory/time/ownerTimeZone";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";

let db: Database;
let clock = new Date();
let mind: CompanionMemory;

beforeAll(async () => {
  db = await openMemoryDatabase();
  mind = createCompanionMemory({
    db, log: createLogger("silent"), model: undefined, useModel: false, reflectEveryLines: 50, recallBudgetTokens: 600, estimateTokens, clock: () => clock,
  });
});
afterAll(async () => {
  await mind.close();
  await db.close();
});

async function sessionOptions(timeZone?: string): Promise<MemorySessionOptions> {
  const scope = await addOwner(db, "Alice");
  return { ...scope, ownerName: "Alice", companionName: () => "Kin", world: "plaza", worldName: "the Plaza", place: () => "Fountain", timeZone };
}

const storedZone = async (ownerId: string) => (await db.query<{ time_zone: string | null }>("SELECT time_zone FROM users WHERE id = $1", [ownerId]))[0]!.time_zone;

/** Two things the owner did, at `first` and `second`; returns what a "yesterday" question recalls, with its when. */
async function yesterdayRecall(options: MemorySessionOptions, first: string, second: string): Promise<string[]> {
  const { ownerId, companionId } = options;
  await recordEpisode(db, { ownerId, companionId, text: "We flew kites on the beach.", speaker: "Alice", happenedAt: new Date(first) });
  await recordEpisode(db, { ownerId, companionId, text: "We baked rye bread together.", speaker: "Alice", happenedAt: new Date(second) });
  const session = await mind.open(options);
  const recalled = await session.recall("What happened yesterday?", { speakerId: ownerId, maxItems: 5 });
  await session.end();
  return recalled.filter((memory) => memory.when).map((memory) => `${memory.when}: ${memory.text}`);
}

describe("the owner's time zone in memory", () => {
  it("recalls yesterday by the owner's calendar in Auckland, where the date is a day ahead of UTC", async () => {
    // 01:00 on Tuesday 24 November in Auckland (UTC+13); 12:00 on Monday 23 November in UTC.
    clock = new Date("2026-11-23T12:00:00Z");
    // Kites: 18:00 on Monday the 23rd in Auckland (UTC's today). Bread: 18:00 on Sunday the 22nd there (UTC's yesterday).
    const times = ["2026-11-23T05:00:00Z", "2026-11-22T05:00:00Z"] as const;
    expect(await yesterdayRecall(await sessionOptions("Pacific/Auckland"), ...times)).toEqual(['yesterday: Alice said: "We flew kites on the beach."']);
    expect(await yesterdayRecall(await sessionOptions(), ...times)).toEqual(['yesterday: Alice said: "We baked rye bread together."']);
  });

  it("recalls yesterday by the owner's calendar in Los Angeles, where the date is a day behind UTC", async () => {
    // 19:00 on Monday 23 November in Los Angeles (UTC-8); already Tuesday the 24th in UTC.
    clock = new Date("2026-11-24T03:00:00Z");
    // Kites: noon on Sunday the 22nd in Los Angeles. Bread: noon on Monday the 23rd (UTC's yesterday).
    const times = ["2026-11-22T20:00:00Z", "2026-11-23T20:00:00Z"] as const;
    expect(await yesterdayRecall(await sessionOptions("America/Los_Angeles"), ...times)).toEqual(['yesterday: Alice said: "We flew kites on the beach."']);
    expect(await yesterdayRecall(await sessionOptions("UTC"), ...times)).toEqual(['yesterday: Alice said: "We baked rye bread together."']);
  });

  it("remembers the zone told, and uses it for a session whose client did not say", async () => {
    clock = new Date("2026-11-23T12:00:00Z");
    const told = await sessionOptions("Pacific/Auckland");
    await (await mind.open(told)).end();
    expect(await storedZone(told.ownerId)).toBe("Pacific/Auckland");

    const untold = { ...told, timeZone: undefined };
    expect(await yesterdayRecall(untold, "2026-11-23T05:00:00Z", "2026-11-22T05:00:00Z")).toEqual(['yesterday: Alice said: "We flew kites on the beach."']);
    expect(await storedZone(told.ownerId)).toBe("Pacific/Auckland");

    // A zone told later replaces it.
    await (await mind.open({ ...told, timeZone: "America/Los_Angeles" })).end();
    expect(await storedZone(told.ownerId)).toBe("America/Los_Angeles");
  });

  it("reaches an anniversary on its date at the owner's remembered clock", async () => {
    // They meet at 18:00 on 24 November 2025 in Auckland (05:00 UTC, also the 24th).
    clock = new Date("2025-11-24T05:00:00Z");
    const auckland = await sessionOptions("Pacific/Auckland");
    const utc = await sessionOptions();
    for (const options of [auckland, utc]) await (await mind.open(options)).end();

    // A year later, 01:00 on the 24th in Auckland: still the 23rd in UTC. The Auckland client says nothing this time.
    clock = new Date("2026-11-23T12:00:00Z");
    for (const options of [{ ...auckland, timeZone: undefined }, utc]) await (await mind.open(options)).end();
    const anniversaries = (companionId: string) =>
      db.query<{ text: string }>("SELECT text FROM memories WHERE companion_id = $1 AND kind = 'milestone' AND source_turn LIKE 'milestone:anniversary%'", [companionId]);
    expect((await anniversaries(auckland.companionId)).map((row) => row.text)).toEqual(["One year since Alice and I first met."]);
    expect(await anniversaries(utc.companionId)).toEqual([]);
  });

  it("counts a remembered zone this server does not know as none", async () => {
    const { ownerId } = await addOwner(db, "Bob");
    expect(await lastKnownTimeZone(db, ownerId)).toBeUndefined();
    await db.query("UPDATE users SET time_zone = 'Mars/Olympus_Mons' WHERE id = $1", [ownerId]);
    expect(await lastKnownTimeZone(db, ownerId)).toBeUndefined();
    await db.query("UPDATE users SET time_zone = 'Asia/Kolkata' WHERE id = $1", [ownerId]);
    expect(await lastKnownTimeZone(db, ownerId)).toBe("Asia/Kolkata");
  });
});
