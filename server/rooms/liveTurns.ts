import type { Conversation, ConversationTurn } from "../companion";

/**
 * Which stored memory each turn of a live conversation is (the memory's source turn, see
 * MemorySession), so a memory the owner deletes leaves the conversation's history too.
 */
export class LiveTurns {
  private readonly sourceOf = new WeakMap<ConversationTurn, string>();

  /** The turn `conversation` added last, when it is a `role` turn, is the memory made of `sourceTurn`. */
  tagLatest(conversation: Conversation, role: ConversationTurn["role"], sourceTurn: string | undefined): void {
    const turn = conversation.history.at(-1);
    if (turn?.role === role && sourceTurn !== undefined) this.sourceOf.set(turn, sourceTurn);
  }

  /** Drops the turns whose memories were deleted. */
  forget(conversation: Conversation, sourceTurns: readonly string[]): void {
    const gone = new Set(sourceTurns);
    conversation.forget((turn) => {
      const source = this.sourceOf.get(turn);
      return source !== undefined && gone.has(source);
    });
  }
}
