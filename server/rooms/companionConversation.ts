import type { WorldState } from "../../shared/state";
import { Conversation, describeLocalTime } from "../companion";
import type { LanguageModel } from "../llm";
import type { Logger } from "../logging";
import type { LiveCompanion } from "./liveCompanion";
import { namesNear } from "./namesNear";

export interface ConversationPlace {
  model: LanguageModel;
  worldName: string;
  state: WorldState;
  log: Logger;
}

/**
 * The conversation a live companion holds in this room: it thinks with the server's model,
 * recalls from its memory, speaks as its current persona, and knows where it is, who is near and
 * what time it is for its owner.
 */
export function companionConversation(place: ConversationPlace, sessionId: string, companion: LiveCompanion): Conversation {
  const { state, owner, memory } = companion;
  return new Conversation({
    companionId: state.id,
    ownerId: owner.userId,
    model: place.model,
    recall: memory,
    relationship: () => memory?.relationship(),
    persona: () => companion.persona,
    world: () => ({
      worldName: place.worldName,
      nearby: namesNear(place.state, sessionId, state),
      ownerLocalTime: describeLocalTime(new Date(), memory?.timeZone ?? owner.timeZone ?? "UTC"),
    }),
    onProblem: (problem) => place.log.warn({ companionId: state.id, ...problem }, "companion reply problem"),
  });
}
