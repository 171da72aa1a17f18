import { recordEpisode, storeFact, type OwnerScope } from "../../../../server/memory";
import { newRelationship, step } from "../../../../server/memory/relationship/relationshipState";
import { saveRelationship } from "../../../../server/memory/relationship/relationshipStore";
import type { Database } from "../../../../server/storage";

export const MET = new Date("2026-03-01T18:00:00Z");
export const minutesAfterMeeting = (minutes: number) => new Date(MET.getTime() + minutes * 60_000);

/** What `seedRemembered` stores, in the order it stores it. */
export const SEEDED_LINES = [
  { speaker: "owner", text: "My sister Maya paints watercolours by the sea." },
  { speaker: "Kin", text: "That sounds lovely; does she sell them?" },
  { speaker: "owner", text: "I moved to Paris from London last spring." },
  { speaker: "Kin", text: "Paris! Do you miss the London rain?" },
  { speaker: "owner", text: "I really hate olives, they ruin every pizza." },
] as const;

/**
 * A companion's memory of its owner as a few conversations leave it, stored through the memory
 * core's own functions: episodes (linked to their neighbours), a milestone, a reflection, facts
 * with one superseded answer (London → Paris) and a relationship.
 */
export async function seedRemembered(db: Database, scope: OwnerScope, ownerName: string): Promise<{ episodeIds: string[] }> {
  const episodeIds: string[] = [];
  await recordEpisode(db, { ...scope, kind: "milestone", text: `The day I first met ${ownerName}.`, happenedAt: MET, importance: 0.9, sourceTurn: "milestone:first_meeting", world: "meadow" });
  for (const [i, line] of SEEDED_LINES.entries()) {
    const isOwner = line.speaker === "owner";
    const { id } = await recordEpisode(db, {
      ...scope,
      text: line.text,
      speaker: isOwner ? ownerName : line.speaker,
      speakerId: isOwner ? scope.ownerId : undefined,
      participants: [ownerName, "Kin"],
      emotion: isOwner ? undefined : "happy",
      happenedAt: minutesAfterMeeting(i + 1),
      world: "meadow",
      place: "the old oak",
      sourceTurn: `s1:${i + 1}`,
    });
    episodeIds.push(id);
  }
  await recordEpisode(db, { ...scope, kind: "reflection", text: `${ownerName} talked about family, moving and food.`, happenedAt: minutesAfterMeeting(10), importance: 0.7, sourceTurn: "s1:1-5" });
  await storeFact(db, scope, { kind: "person", subject: "sister", value: "Maya", confidence: 0.9 }, episodeIds[0], minutesAfterMeeting(1));
  await storeFact(db, scope, { kind: "place", subject: "home", value: "London", confidence: 0.8 }, undefined, MET);
  await storeFact(db, scope, { kind: "place", subject: "home", value: "Paris", confidence: 0.9 }, episodeIds[2], minutesAfterMeeting(3));
  await storeFact(db, scope, { kind: "dislike", subject: "olives", value: "olives", confidence: 0.9 }, episodeIds[4], minutesAfterMeeting(5));
  let relationship = { ...newRelationship(MET), milestones: ["first_meeting"] };
  for (let i = 1; i <= 5; i++) relationship = step(relationship, { at: minutesAfterMeeting(i), personal: i % 2 === 1, emotion: "happy", startsConversation: i === 1 });
  await saveRelationship(db, scope, relationship);
  return { episodeIds };
}

/** The neighbour context recordEpisode keeps for each episode, by text. */
export async function episodeContext(db: Database, scope: OwnerScope): Promise<Record<string, { before: string; after: string }>> {
  const rows = await db.query<{ text: string; before_text: string; after_text: string }>(
    "SELECT text, before_text, after_text FROM memories WHERE companion_id = $1 AND owner_id = $2 AND kind = 'episode' ORDER BY seq",
    [scope.companionId, scope.ownerId],
  );
  return Object.fromEntries(rows.map((r) => [r.text, { before: r.before_text, after: r.after_text }]));
}
