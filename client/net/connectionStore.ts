import { create } from "zustand";
import type { Room } from "@colyseus/sdk";
import type { WorldState } from "../../shared/state";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "disconnected";

export type WorldRoom = Room<any, WorldState>;

interface ConnectionState {
  room: WorldRoom | null;
  status: ConnectionStatus;
  /** Why the last connection attempt or session ended, shown next to the retry button. */
  problem: string | null;
}

/** The one room this tab is in, and how its connection is doing. Written only by ./worldConnection. */
export const useConnection = create<ConnectionState>(() => ({
  room: null,
  status: "connecting",
  problem: null,
}));
