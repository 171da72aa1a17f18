import type { ChatEvent } from "../../shared/protocol";
import type { ConnectionStatus } from "../net";

/**
 * `window.__kindred`: a read-only view of the client for browser tests and tools. Its objects
 * are created once and updated in place every frame, so reading it costs the page nothing.
 */
export interface KindredHandle {
  /** The world is rendered and the room joined: the person can walk around. */
  ready: boolean;
  worldId: string;
  sessionId: string;
  userId: string;
  connection: ConnectionStatus;
  /** The local player; yaw in radians, 0 faces +Z. */
  self: { x: number; y: number; z: number; yaw: number };
  /** Other players by session id, at their rendered (interpolated) positions. */
  players: Record<string, { name: string; x: number; y: number; z: number }>;
  /** Frames rendered, and how long the last one took (ms). */
  frame: { count: number; lastMs: number };
  /** The last 50 chat events received. */
  chat: ChatEvent[];
}

export const CHAT_KEPT = 50;

/** The handle's single instance, written only by the automation module. */
export const kindred: KindredHandle = {
  ready: false,
  worldId: "",
  sessionId: "",
  userId: "",
  connection: "connecting",
  self: { x: 0, y: 0, z: 0, yaw: 0 },
  players: {},
  frame: { count: 0, lastMs: 0 },
  chat: [],
};

declare global {
  interface Window {
    readonly __kindred?: KindredHandle;
  }
}

export function installKindredHandle(): void {
  if ("__kindred" in window) return;
  Object.defineProperty(window, "__kindred", { value: kindred, writable: false, configurable: false, enumerable: false });
}
