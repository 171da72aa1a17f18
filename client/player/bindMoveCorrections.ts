import { ServerMessage, type ErrorEvent } from "../../shared/protocol";
import type { WorldRoom } from "../net";
import { localPlayer } from "./localPlayer";

/** When the server refuses a move, the player goes back to where the server has them. */
export function bindMoveCorrections(room: WorldRoom): () => void {
  return room.onMessage(ServerMessage.Error, (event: ErrorEvent) => {
    if (event.code === "move_rejected") localPlayer.resync = true;
  });
}
