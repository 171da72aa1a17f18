import { Client } from "@colyseus/sdk";

let client: Client | null = null;

/** The Colyseus client for the server that served this page (same origin: one port for everything). */
export function gameClient(): Client {
  client ??= new Client(window.location.origin);
  return client;
}
