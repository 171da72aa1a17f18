import type { Speaker, Utterance } from "./speech";

/** One entry of a companion's conversation history. */
export type ConversationTurn =
  | { role: "person"; utterance: Utterance }
  /**
   * `interrupted`: cut off by a barge-in, a stop or a failing model; `text` is what was said.
   * `to`: the audience (see audienceOf) when it answered someone other than the owner.
   */
  | { role: "companion"; text: string; interrupted: boolean; to?: string };

/** Who a reply speaks to, as a key: the user id, or the name when there is none. */
export function audienceOf(speaker: Speaker): string {
  return speaker.id ?? `name:${speaker.name}`;
}

/**
 * The part of the history `speaker` may have the companion draw on. The owner's exchanges are
 * theirs: someone else gets only their own lines and the answers they were given, so a prompt
 * for them never carries what the owner said.
 */
export function historyFor(turns: readonly ConversationTurn[], speaker: Speaker): ConversationTurn[] {
  if (speaker.isOwner) return [...turns];
  const audience = audienceOf(speaker);
  return turns.filter((turn) =>
    turn.role === "person" ? !turn.utterance.speaker.isOwner && audienceOf(turn.utterance.speaker) === audience : turn.to === audience,
  );
}
