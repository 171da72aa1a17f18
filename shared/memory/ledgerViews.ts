/*
 * What the owner API (/api/companions/:id/memories, facts, relationship, import, forget) answers:
 * the server builds these, the client's memory ledger reads them.
 */

/** Episodes are what happened; reflections summarise a session; milestones mark the relationship. */
export type MemoryKind = "episode" | "reflection" | "milestone";
/** Private to the owner (the default), or shareable with others the companion talks to. */
export type Visibility = "private" | "shared";
export const FACT_KINDS = ["like", "dislike", "person", "place", "plan", "other"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A memory as its owner sees it in the ledger. */
export interface LedgerMemory {
  id: string;
  kind: MemoryKind;
  text: string;
  speaker: string | null;
  happenedAt: string;
  world: string | null;
  place: string | null;
  visibility: Visibility;
  importance: number;
  emotion: string | null;
  participants: string[];
}

export interface MemoryPage {
  memories: LedgerMemory[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: string | null;
}

/** One answer the companion held, current or replaced. */
export interface LedgerFactVersion {
  id: string;
  value: string;
  validFrom: string;
  supersededAt: string | null;
}

/** A fact about the owner as the ledger shows it: what it is now, and what it was before. */
export interface LedgerFact extends LedgerFactVersion {
  kind: FactKind;
  subject: string;
  confidence: number;
  planDate: string | null;
  /** False only when every answer to this question was replaced and none is current. */
  current: boolean;
  /** Earlier answers, newest first ("was: London"). */
  history: LedgerFactVersion[];
}

export interface LedgerMilestone {
  /** first_meeting, first_personal, conversations_10, anniversary_1… */
  id: string;
  /** The memory it left, unless the owner deleted that memory. */
  text: string | null;
  reachedAt: string | null;
}

/** The relationship as its owner sees it: values decayed to now, as the companion feels it. */
export interface LedgerRelationship {
  closeness: number;
  trust: number;
  mood: number;
  /** The mood in a word: low, calm, at ease, bright. */
  moodWord: string;
  interactions: number;
  conversations: number;
  personalShares: number;
  firstMet: string;
  lastSeen: string;
  milestones: LedgerMilestone[];
}

/**
 * replace: the companion forgets what it remembers about the owner, then remembers the document.
 * merge: adds what it does not remember yet.
 */
export type ImportMode = "replace" | "merge";

export interface ImportReport {
  mode: ImportMode;
  memories: { added: number; skipped: number };
  facts: { added: number; skipped: number };
  /** imported: the document's; merged: combined with the one here; none: the document had none. */
  relationship: "imported" | "merged" | "none";
}

/** What "forget everything" removed. */
export interface Forgotten {
  memories: number;
  facts: number;
  relationship: boolean;
}
