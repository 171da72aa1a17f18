import { ServerMessage, type ChatEvent } from "../../shared/protocol";
import type { WorldRoom } from "../net";
import { CHAT_KEPT, kindred } from "./kindredHandle";

/** Keeps the handle's chat list: the last events received, oldest first. */
export function bindChatLog(room: WorldRoom): () => void {
  return room.onMessage(ServerMessage.Chat, (event: ChatEvent) => {
    kindred.chat.push(event);
    if (kindred.chat.length > CHAT_KEPT) kindred.chat.shift();
  });
}
