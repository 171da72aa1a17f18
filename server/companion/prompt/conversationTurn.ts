import type { Utterance } from "./speech";

/** One entry of a companion's conversation history. */
export type ConversationTurn =
  | { role: "person"; utterance: Utterance }
  /** `interrupted`: cut off by a barge-in, a stop or a failing model; `text` is what was said. */
  | { role: "companion"; text: string; interrupted: boolean };
