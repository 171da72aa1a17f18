import type { Queryable } from "../../storage";
import type { FactKind } from "../facts/fact";
import { loadRelationship } from "../relationship/relationshipStore";
import type { ExportedFact, ExportedMemories, ExportedMemory } from "./exportDocument";
import type { OwnerScope } from "./ownerScope";

type Time = Date | string;
const iso = (time: Time) => new Date(time).toISOString();

/** Everything the companion remembers about its owner, oldest first, as the export document holds it. */
export async function exportMemories(db: Queryable, scope: OwnerScope): Promise<ExportedMemories> {
  const params = [scope.companionId, scope.ownerId];
  const memories = await db.query<{
    id: string; kind: ExportedMemory["kind"]; text: string; speaker: string | null; speaker_id: string | null; participants: string[];
    emotion: string | null; interrupted: boolean; happened_at: Time; visibility: ExportedMemory["visibility"]; world: string | null;
    place: string | null; importance: number; source_turn: string | null; before_text: string; after_text: string;
  }>(
    `SELECT id, kind, text, speaker, speaker_id, participants, emotion, interrupted, happened_at, visibility, world, place,
            importance, source_turn, before_text, after_text
     FROM memories WHERE companion_id = $1 AND owner_id = $2 ORDER BY seq`,
    params,
  );
  const facts = await db.query<{
    id: string; kind: FactKind; subject: string; value: string; confidence: number; plan_date: string | null;
    source_episodes: string[]; valid_from: Time; superseded_by: string | null; superseded_at: Time | null;
  }>(
    `SELECT id, kind, subject, value, confidence, plan_date::text AS plan_date, source_episodes, valid_from, superseded_by, superseded_at
     FROM facts WHERE companion_id = $1 AND owner_id = $2 ORDER BY valid_from, created_at`,
    params,
  );
  const relationship = await loadRelationship(db, scope);
  return {
    memories: memories.map((m) => ({
      id: m.id,
      kind: m.kind,
      text: m.text,
      speaker: m.speaker,
      speakerId: m.speaker_id,
      participants: m.participants,
      emotion: m.emotion,
      interrupted: m.interrupted,
      happenedAt: iso(m.happened_at),
      visibility: m.visibility,
      world: m.world,
      place: m.place,
      importance: Number(m.importance),
      sourceTurn: m.source_turn,
      beforeText: m.before_text,
      afterText: m.after_text,
    })),
    facts: facts.map(
      (f): ExportedFact => ({
        id: f.id,
        kind: f.kind,
        subject: f.subject,
        value: f.value,
        confidence: Number(f.confidence),
        planDate: f.plan_date,
        sourceEpisodes: f.source_episodes,
        validFrom: iso(f.valid_from),
        supersededBy: f.superseded_by,
        supersededAt: f.superseded_at === null ? null : iso(f.superseded_at),
      }),
    ),
    relationship: relationship ? { ...relationship, firstMet: relationship.firstMet.toISOString(), lastSeen: relationship.lastSeen.toISOString() } : null,
  };
}
