import { ClientMessage, ServerMessage, type ChatEvent, type ErrorEvent } from "../../shared/protocol";
import type { WorldRoom } from "../net";
import { addNote, receiveChat } from "./chatStore";

/** Chat lines into the log and bubbles; refused chat (too long, too fast) as a note in the log. */
export function bindChat(room: WorldRoom): () => void {
  const stopChat = room.onMessage(ServerMessage.Chat, (event: ChatEvent) => receiveChat(event));
  const stopErrors = room.onMessage(ServerMessage.Error, (event: ErrorEvent) => {
    if (event.type === ClientMessage.Chat) addNote(event.message);
  });
  return () => {
    stopChat();
    stopErrors();
  };
}

/** Sends a chat line to the room; the server trims it and broadcasts it back to everyone. */
export function sendChat(room: WorldRoom, text: string): void {
  room.send(ClientMessage.Chat, { text });
}
