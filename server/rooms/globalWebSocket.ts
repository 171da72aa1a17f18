import { createRequire } from "node:module";

/**
 * Colyseus 0.18 reads the global `WebSocket` (built into Node ≥ 22) when a dropped client
 * reconnects; on Node 20 that throws "WebSocket is not defined" and every reconnection fails.
 * Installs the `ws` class the WebSocket transport itself runs on, where Node has none.
 */
export function ensureGlobalWebSocket(): void {
  if (typeof globalThis.WebSocket !== "undefined") return;
  const require = createRequire(import.meta.url);
  // Resolved from the transport, so it is exactly the `ws` Colyseus uses, wherever npm put it.
  const ws = createRequire(require.resolve("@colyseus/ws-transport"))("ws") as typeof WebSocket;
  Object.defineProperty(globalThis, "WebSocket", { value: ws, writable: true, configurable: true });
}
