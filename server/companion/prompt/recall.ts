/**
 * How the mind asks memory for what is relevant right now. The memory subsystem implements it;
 * until then `noRecall` keeps the slot empty.
 */

export interface RecalledMemory {
  /** One self-contained statement, e.g. "Alice's sister is called Maya". */
  text: string;
  /** When it was learnt or happened, for the model's sense of time; optional. */
  when?: string;
}

export interface RecallContext {
  companionId: string;
  ownerId: string;
  /** Who is speaking now (may be someone other than the owner). */
  speakerId: string;
  /** The most this answer will be allowed to use; callers may return more, the prompt trims. */
  maxItems: number;
}

export interface MemoryRecall {
  /** Most relevant first. */
  recall(query: string, context: RecallContext): Promise<RecalledMemory[]>;
  /**
   * Keeps memory's own background work off the database until the returned release is called:
   * a reply holds it from its recall to its first sentence, so nothing of it waits behind writes.
   */
  holdWrites?(): () => void;
}

export const noRecall: MemoryRecall = {
  recall: async () => [],
};
