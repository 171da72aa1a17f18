import { randomUUID } from "node:crypto";
import { ChatMessage, ClientMessage, type ChatEvent, type ErrorEvent } from "../../shared/protocol";
import { describeZodError } from "../validation";
import type { PlayerSession } from "./playerSession";
import { refusal } from "./refusal";

export type ChatOutcome = { error: ErrorEvent } | { error?: undefined; chat: ChatEvent };

/** Turns one `chat` message into the event broadcast to the room, or refuses it. */
export function handleChat(session: PlayerSession, raw: unknown, now: number): ChatOutcome {
  const type = ClientMessage.Chat;
  if (!session.chatLimit.tryTake(now)) return refusal("rate_limited", type, "too many chat messages: at most 5 per 5 seconds");
  const parsed = ChatMessage.safeParse(raw);
  if (!parsed.success) return refusal("invalid_message", type, describeZodError(parsed.error));
  return { chat: { id: randomUUID(), userId: session.userId, name: session.name, text: parsed.data.text, time: now } };
}
