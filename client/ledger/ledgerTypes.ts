/** The ledger's view of what the server answers (see server/memory/ownerControl). */

export interface LedgerMemory {
  id: string;
  kind: "episode" | "reflection" | "milestone";
  text: string;
  speaker: string | null;
  happenedAt: string;
  world: string | null;
  place: string | null;
}

export interface LedgerFact {
  id: string;
  kind: string;
  subject: string;
  value: string;
  planDate: string | null;
  current: boolean;
  validFrom: string;
  history: { id: string; value: string; validFrom: string }[];
}

export interface LedgerMilestone {
  id: string;
  text: string | null;
  reachedAt: string | null;
}

export interface LedgerRelationship {
  closeness: number;
  trust: number;
  moodWord: string;
  conversations: number;
  firstMet: string;
  milestones: LedgerMilestone[];
}

export interface MemoryPage {
  memories: LedgerMemory[];
  next: string | null;
}

export interface ImportReport {
  memories: { added: number; skipped: number };
  facts: { added: number; skipped: number };
}
