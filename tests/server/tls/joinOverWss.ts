/**
 * Run by httpsServer.test.ts in its own process, with NODE_EXTRA_CA_CERTS set to the server's
 * certificate: that is the only way to make Node's fetch and `ws` trust it, exactly as any Node
 * client would. Signs in a guest over HTTPS, joins the world over WSS with the Colyseus SDK and
 * prints what it saw as one JSON line.
 *
 * usage: node --import tsx tests/server/tls/joinOverWss.ts https://localhost:PORT WORLD
 */
import { Client } from "@colyseus/sdk";
import { WORLD_ROOM } from "../../../shared/protocol";
import { WorldState } from "../../../shared/state";

const [url, world] = process.argv.slice(2);
const auth = await fetch(`${url}/api/auth/guest`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "Quest" }),
});
const { token, userId } = (await auth.json()) as { token: string; userId: string };
const room = await new Client(url).joinOrCreate(WORLD_ROOM, { token, world }, WorldState);
await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
const player = room.state.players.get(room.sessionId);
console.log(JSON.stringify({ userId, playerUserId: player?.userId, worldId: room.state.worldId }));
await room.leave(true);
process.exit(0);
