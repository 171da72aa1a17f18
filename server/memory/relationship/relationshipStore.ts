import type { Queryable } from "../../storage";
import type { RelationshipState } from "./relationshipState";

export interface RelationshipScope {
  ownerId: string;
  companionId: string;
}

interface Row {
  closeness: number;
  trust: number;
  mood: number;
  interactions: number;
  conversations: number;
  personal_shares: number;
  first_met: Date | string;
  last_seen: Date | string;
  milestones: string[];
}

export async function loadRelationship(db: Queryable, scope: RelationshipScope): Promise<RelationshipState | undefined> {
  const [row] = await db.query<Row>("SELECT * FROM relationships WHERE owner_id = $1 AND companion_id = $2", [scope.ownerId, scope.companionId]);
  if (!row) return undefined;
  return {
    closeness: Number(row.closeness),
    trust: Number(row.trust),
    mood: Number(row.mood),
    interactions: row.interactions,
    conversations: row.conversations,
    personalShares: row.personal_shares,
    firstMet: new Date(row.first_met),
    lastSeen: new Date(row.last_seen),
    milestones: row.milestones,
  };
}

export async function saveRelationship(db: Queryable, scope: RelationshipScope, state: RelationshipState): Promise<void> {
  await db.query(
    `INSERT INTO relationships (owner_id, companion_id, closeness, trust, mood, interactions, conversations, personal_shares, first_met, last_seen, milestones)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (owner_id, companion_id) DO UPDATE SET
       closeness = EXCLUDED.closeness, trust = EXCLUDED.trust, mood = EXCLUDED.mood, interactions = EXCLUDED.interactions,
       conversations = EXCLUDED.conversations, personal_shares = EXCLUDED.personal_shares, last_seen = EXCLUDED.last_seen,
       milestones = EXCLUDED.milestones`,
    [
      scope.ownerId, scope.companionId, state.closeness, state.trust, state.mood, state.interactions, state.conversations,
      state.personalShares, state.firstMet.toISOString(), state.lastSeen.toISOString(), state.milestones,
    ],
  );
}
