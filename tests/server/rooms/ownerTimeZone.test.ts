import { describe, expect, it, vi } from "vitest";
import { recordEpisode } from "../../../server/memory";
import type { Database } from "../../../server/storage";
import { streamOf } from "../../support/scriptedLlmServer";
import { openTestDatabase } from "../support/database";
import { guestToken } from "../support/testServer";
import { companionOf, companionRoomHarness, doneCount } from "./companionRoomHarness";
import { hearCompanions, type Joined } from "./roomTestClient";

let db: Database;
const harness = companionRoomHarness(async () => ({ database: (db = await openTestDatabase()) }));

const KITES = "We flew kites on the beach at Piha.";
// 12:30 UTC ten days ago: already the next day in Auckland (UTC+12/+13), the same day in UTC.
const now = new Date();
const kitesAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 10, 12, 30));
const dateIn = (timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" }).format(kitesAt);

const storedZone = async (userId: string) => (await db.query<{ time_zone: string | null }>("SELECT time_zone FROM users WHERE id = $1", [userId]))[0]?.time_zone;
const userNamed = async (name: string) => (await db.query<{ id: string }>("SELECT id FROM users WHERE name = $1", [name]))[0]!.id;

/** The owner asks about the kites; returns how the companion's prompt dates that memory. */
async function askAboutKites(room: Joined): Promise<string | undefined> {
  const hears = hearCompanions(room);
  const question = `Do you remember the kites at Piha? (${room.sessionId})`;
  harness.llm.enqueue(streamOf("I do!"));
  room.send("chat", { text: question });
  await hears.until(() => doneCount(hears.heard) === 1, "the reply");
  const request = harness.llm.requests.find((r) => r.body.messages!.some((m) => m.role === "user" && String(m.content).includes(question)));
  const system = String(request!.body.messages![0]!.content);
  return /\((on [^)]+)\) [^\n]*kites on the beach at Piha/.exec(system)?.[1];
}

async function joinWithKites(name: string, token: string, timeZone?: string): Promise<Joined> {
  const room = await harness.client.join(name, { token, ...(timeZone ? { timeZone } : {}) });
  const companion = companionOf(room);
  await recordEpisode(db, { ownerId: companion.ownerId, companionId: companion.id, text: KITES, speaker: name, happenedAt: kitesAt });
  return room;
}

describe("the owner's time zone, sent when joining", () => {
  it("dates memories at the owner's clock, and remembers the zone for a join that does not say", async () => {
    const token = await guestToken(harness.server.url, "Aroha");
    const first = await joinWithKites("Aroha", token, "Pacific/Auckland");
    const ownerId = companionOf(first).ownerId;
    await vi.waitFor(async () => expect(await storedZone(ownerId)).toBe("Pacific/Auckland"), { timeout: 5000, interval: 50 });
    expect(await askAboutKites(first)).toBe(`on ${dateIn("Pacific/Auckland")}`);
    expect(dateIn("Pacific/Auckland")).not.toBe(dateIn("UTC"));
    await first.leave(true);

    const again = await harness.client.join("Aroha", { token });
    expect(await askAboutKites(again)).toBe(`on ${dateIn("Pacific/Auckland")}`);
    expect(await storedZone(ownerId)).toBe("Pacific/Auckland");
  });

  it("tells the model the owner's local time, at their clock", async () => {
    const token = await guestToken(harness.server.url, "Tama");
    const room = await harness.client.join("Tama", { token, timeZone: "Pacific/Auckland" });
    const aucklandHour = () => new Intl.DateTimeFormat("en-GB", { timeZone: "Pacific/Auckland", hour: "2-digit", hourCycle: "h23" }).format(new Date());
    const hourBefore = aucklandHour();
    const hears = hearCompanions(room);
    harness.llm.enqueue(streamOf("Evening!"));
    room.send("chat", { text: "What time is it for me?" });
    await hears.until(() => doneCount(hears.heard) === 1, "the reply");
    const request = harness.llm.requests.find((r) => r.body.messages!.some((m) => m.role === "user" && String(m.content).includes("What time is it for me?")));
    const hour = /For your owner it is \w+ \w+, (\d\d):\d\d\./.exec(String(request!.body.messages![0]!.content))?.[1];
    // Auckland is 12 or 13 hours from UTC: the hour tells which clock was used.
    expect([hourBefore, aucklandHour()]).toContain(hour);
  });

  it("counts in UTC for someone whose client never said", async () => {
    const token = await guestToken(harness.server.url, "Una");
    const room = await joinWithKites("Una", token);
    expect(await askAboutKites(room)).toBe(`on ${dateIn("UTC")}`);
    expect(await storedZone(companionOf(room).ownerId)).toBeNull();
  });

  it.each([
    ["Mars/Olympus_Mons", /join refused: timeZone: unknown time zone "Mars\/Olympus_Mons"/],
    [`Europe/${"x".repeat(60)}`, /join refused: timeZone: time zone is longer than 64 characters/],
    ["", /join refused: timeZone: time zone is empty/],
  ])("refuses the join for the time zone %j, naming the problem, and changes nothing", async (timeZone, error) => {
    const name = `Zed${timeZone.length}`;
    const token = await guestToken(harness.server.url, name);
    await expect(harness.client.join(name, { token, timeZone })).rejects.toThrow(error);
    const userId = await userNamed(name);
    expect(await storedZone(userId)).toBeNull();
    expect(await db.query("SELECT id FROM companions WHERE owner_id = $1", [userId])).toEqual([]);
  });
});
