import type { LedgerRelationship } from "../../../shared/memory";
import type { Queryable } from "../../storage";
import { decay } from "../relationship/relationshipState";
import { loadRelationship } from "../relationship/relationshipStore";
import type { OwnerScope } from "./ownerScope";

/** Null when the owner and the companion have not met (or the owner made it forget everything). */
export async function relationshipView(db: Queryable, scope: OwnerScope, now: Date): Promise<LedgerRelationship | null> {
  const stored = await loadRelationship(db, scope);
  if (!stored) return null;
  const state = decay(stored, now);
  // Milestone memories carry their id as source_turn (see MemorySession).
  const memories = await db.query<{ source_turn: string; text: string; happened_at: Date | string }>(
    `SELECT source_turn, text, happened_at FROM memories
     WHERE companion_id = $1 AND owner_id = $2 AND kind = 'milestone' AND source_turn = ANY ($3::text[])`,
    [scope.companionId, scope.ownerId, state.milestones.map((id) => `milestone:${id}`)],
  );
  const byId = new Map(memories.map((m) => [m.source_turn.slice("milestone:".length), m]));
  return {
    closeness: state.closeness,
    trust: state.trust,
    mood: state.mood,
    moodWord: moodWord(state.mood),
    interactions: state.interactions,
    conversations: state.conversations,
    personalShares: state.personalShares,
    firstMet: state.firstMet.toISOString(),
    lastSeen: state.lastSeen.toISOString(),
    milestones: state.milestones.map((id) => {
      const memory = byId.get(id);
      return { id, text: memory?.text ?? null, reachedAt: memory ? new Date(memory.happened_at).toISOString() : null };
    }),
  };
}

function moodWord(mood: number): string {
  if (mood > 0.5) return "bright";
  if (mood > 0) return "at ease";
  if (mood > -0.4) return "a little low";
  return "down";
}
