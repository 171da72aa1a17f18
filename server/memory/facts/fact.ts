import { FACT_KINDS, type FactKind } from "../../../shared/memory";

export { FACT_KINDS, type FactKind };

/** A fact about the owner, as an extractor found it (not yet stored). */
export interface FactCandidate {
  kind: FactKind;
  /** What it is about: "sister", "home", "tea", "Lisbon trip", "birthday". */
  subject: string;
  value: string;
  /** 0..1 */
  confidence: number;
  /** YYYY-MM-DD for plans that name a date. */
  planDate?: string | undefined;
}

export interface StoredFact extends FactCandidate {
  id: string;
  sourceEpisodes: string[];
  validFrom: Date;
  supersededBy: string | null;
  supersededAt: Date | null;
}

/**
 * Facts that answer the same question share a key, so a new answer supersedes the old one:
 * liking and disliking tea are both about taste:tea; "home" is one place at a time.
 */
export function factKey(fact: Pick<FactCandidate, "kind" | "subject">): string {
  const subject = fact.subject.trim().toLowerCase().replace(/\s+/g, " ");
  const group = fact.kind === "like" || fact.kind === "dislike" ? "taste" : fact.kind;
  return `${group}:${subject}`;
}
