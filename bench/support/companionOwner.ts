import { Client, type Room } from "@colyseus/sdk";
import { ServerMessage, WORLD_ROOM, type ErrorEvent } from "../../shared/protocol";
import { WorldState } from "../../shared/state";

export interface CompanionOwner {
  room: Room<unknown, WorldState>;
  /** The id of the companion the server gave this guest. */
  companionId: string;
  /** Anything the server refused is a failed benchmark, not a slow turn. */
  refused: Promise<never>;
  leave(): Promise<void>;
}

/**
 * Signs in as a guest through the HTTP API, joins `world` with the real SDK (as `avatar`, when
 * given), and waits for the companion.
 */
export async function joinAsCompanionOwner(url: string, name: string, world: string, avatar?: string): Promise<CompanionOwner> {
  const res = await fetch(`${url}/api/auth/guest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (!res.ok) throw new Error(`guest auth failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const room = await new Client(url).joinOrCreate<WorldState>(WORLD_ROOM, { token, world, ...(avatar ? { avatar } : {}) }, WorldState);
  const refused = new Promise<never>((_, reject) => {
    room.onMessage(ServerMessage.Error, (e: ErrorEvent) => reject(new Error(`the server refused "${e.type}": ${e.message}`)));
    room.onLeave((code) => reject(new Error(`the server closed the connection (code ${code})`)));
  });
  // Callers race against it; until then an early refusal must not count as unhandled.
  refused.catch(() => undefined);
  const companionId = await new Promise<string>((resolve) => {
    const check = (state: WorldState) => {
      const mine = state.companions.get(room.sessionId);
      if (!mine) return;
      room.onStateChange.remove(check);
      resolve(mine.id);
    };
    room.onStateChange(check);
  });
  return {
    room,
    companionId,
    refused,
    async leave() {
      room.onLeave.clear();
      await room.leave(true).catch(() => undefined);
    },
  };
}
