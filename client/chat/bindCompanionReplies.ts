import { ServerMessage, type CompanionDoneEvent, type CompanionSentenceEvent } from "../../shared/protocol";
import type { WorldRoom } from "../net";
import { upsertLine, type ChatLine } from "./chatStore";

/**
 * Companions' replies into the chat log, one line per reply that grows sentence by sentence.
 * A sentence can arrive before the state patch that adds its companion, so the name is looked
 * up when each sentence arrives, not when the room is joined.
 */
export function bindCompanionReplies(room: WorldRoom): () => void {
  const replies = new Map<string, ChatLine>();

  const companionName = (companionId: string): string => {
    for (const companion of room.state.companions.values()) if (companion.id === companionId) return companion.name;
    return "Companion";
  };

  const stopSentences = room.onMessage(ServerMessage.CompanionSentence, (event: CompanionSentenceEvent) => {
    if (!event.text) return;
    const current = replies.get(event.companionId);
    const line: ChatLine = current
      ? { ...current, text: `${current.text} ${event.text}` }
      : {
          id: `reply-${event.companionId}-${event.seq}`,
          text: event.text,
          time: Date.now(),
          from: { userId: event.companionId, name: companionName(event.companionId) },
        };
    replies.set(event.companionId, line);
    upsertLine(line);
  });
  const stopDone = room.onMessage(ServerMessage.CompanionDone, (event: CompanionDoneEvent) => {
    const current = replies.get(event.companionId);
    replies.delete(event.companionId);
    if (current && event.interrupted) upsertLine({ ...current, text: `${current.text} …` });
  });
  return () => {
    stopSentences();
    stopDone();
  };
}
