import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRelationship } from "../../../server/memory";
import { milestonesDue } from "../../../server/memory/relationship/milestones";
import { BASELINE, decay, describeRelationship, MAX_STEP, newRelationship, step, type RelationshipState } from "../../../server/memory/relationship/relationshipState";
import { RelationshipTracker } from "../../../server/memory/relationship/relationshipTracker";
import type { Database } from "../../../server/storage";
import { addOwner, openMemoryDatabase } from "./memoryFixtures";

const met = new Date("2026-01-01T12:00:00Z");
const later = (days: number) => new Date(met.getTime() + days * 86_400_000);
const talk = (state: RelationshipState, at: Date, personal = false, emotion?: string) => step(state, { at, personal, emotion, startsConversation: false });

describe("relationship steps", () => {
  it("moves closeness and trust by small bounded steps, more when the owner shares something personal", () => {
    const start = newRelationship(met);
    const small = talk(start, met);
    const personal = talk(start, met, true);
    expect(small.closeness).toBeGreaterThan(start.closeness);
    expect(personal.closeness).toBeGreaterThan(small.closeness);
    expect(personal.trust - start.trust).toBeGreaterThan(small.trust - start.trust);
    for (const next of [small, personal]) {
      expect(next.closeness - start.closeness).toBeLessThanOrEqual(MAX_STEP);
      expect(next.trust - start.trust).toBeLessThanOrEqual(MAX_STEP);
    }
    expect(personal).toMatchObject({ interactions: 1, personalShares: 1 });
  });

  it("grows ever more slowly and never past 1, however much they talk", () => {
    let state = newRelationship(met);
    const gains: number[] = [];
    for (let i = 0; i < 500; i++) {
      const next = talk(state, met, true, "happy");
      gains.push(next.closeness - state.closeness);
      state = next;
    }
    expect(gains[400]!).toBeLessThan(gains[0]!);
    expect(state.closeness).toBeLessThanOrEqual(1);
    expect(state.trust).toBeLessThanOrEqual(1);
    expect(state.mood).toBeGreaterThan(0.9);
    expect(state.mood).toBeLessThanOrEqual(1);
  });

  it("lets sad moments lower the mood, within bounds", () => {
    let state = newRelationship(met);
    for (let i = 0; i < 100; i++) state = talk(state, met, false, "angry");
    expect(state.mood).toBeLessThan(-0.9);
    expect(state.mood).toBeGreaterThanOrEqual(-1);
  });
});

describe("relationship decay", () => {
  it("fades slowly back towards the baseline over months apart, and the mood within a day", () => {
    let close = newRelationship(met);
    for (let i = 0; i < 200; i++) close = talk(close, met, true, "happy");
    const week = decay(close, later(7));
    const half = decay(close, later(120));
    expect(week.closeness).toBeGreaterThan(close.closeness - 0.05);
    expect(half.closeness - BASELINE.closeness).toBeCloseTo((close.closeness - BASELINE.closeness) / 2, 5);
    expect(decay(close, later(3)).mood).toBeCloseTo(BASELINE.mood, 1);
    expect(decay(close, met)).toBe(close);
  });

  it("never raises closeness through time apart", () => {
    const distant = { ...newRelationship(met), closeness: 0.02 };
    expect(decay(distant, later(365)).closeness).toBe(0.02);
  });
});

describe("milestones", () => {
  it("marks the first meeting, the first personal share, the 10th conversation and each anniversary, once each", () => {
    const start = newRelationship(met);
    expect(milestonesDue(start, met, "Ann").map((m) => m.id)).toEqual(["first_meeting"]);
    const shared = { ...start, milestones: ["first_meeting"], personalShares: 1, conversations: 10 };
    expect(milestonesDue(shared, met, "Ann").map((m) => m.text)).toEqual([
      "The first time Ann shared something personal with me.",
      "Our 10th conversation, Ann and me.",
    ]);
    const reached = { ...shared, milestones: ["first_meeting", "first_personal", "conversations_10"] };
    expect(milestonesDue(reached, later(364), "Ann")).toEqual([]);
    expect(milestonesDue(reached, later(366), "Ann").map((m) => m.id)).toEqual(["anniversary_1"]);
    expect(milestonesDue(reached, later(2 * 366), "Ann").map((m) => m.id)).toEqual(["anniversary_1", "anniversary_2"]);
  });
});

describe("RelationshipTracker", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMemoryDatabase();
  });
  afterAll(() => db.close());

  it("starts with the first meeting, counts conversations, saves, and finds the anniversary a year on", async () => {
    const scope = await addOwner(db, "Ann");
    const first = await RelationshipTracker.open(db, scope, "Ann", met);
    expect(first.milestones.map((m) => m.id)).toEqual(["first_meeting"]);
    const reached: string[] = [];
    for (let day = 0; day < 10; day++) {
      reached.push(...first.tracker.interact({ at: later(day), personal: day === 3, startsConversation: true }).map((m) => m.id));
    }
    expect(reached).toEqual(["first_personal", "conversations_10"]);
    await first.tracker.save(db, scope);

    const stored = await loadRelationship(db, scope);
    expect(stored).toMatchObject({ conversations: 10, interactions: 10, personalShares: 1, milestones: ["first_meeting", "first_personal", "conversations_10"] });
    expect(stored!.firstMet.toISOString()).toBe(met.toISOString());

    const year = await RelationshipTracker.open(db, scope, "Ann", later(370));
    expect(year.milestones.map((m) => m.text)).toEqual(["One year since Ann and I first met."]);
    expect(year.tracker.state.closeness).toBeLessThan(stored!.closeness);
    expect(year.tracker.describe(later(370))).toMatch(/^You have known each other about 12 months \(10 conversations\)/);
  });

  it("describes the relationship in words, not numbers", () => {
    expect(describeRelationship(newRelationship(met), met)).toBe("You met today (0 conversations); you are still new to each other; they are warming to you; you feel at ease.");
  });
});
