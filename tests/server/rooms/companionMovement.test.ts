import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WORLD_ROOM, type PortalEvent } from "../../../shared/protocol";
import { WorldState } from "../../../shared/state";
import { guestToken, startTestServer, type TestServer } from "../support/testServer";
import { roomTestClient, untilState, type Joined } from "./roomTestClient";

let server: TestServer;
let client: ReturnType<typeof roomTestClient>;

beforeAll(async () => {
  server = await startTestServer();
  client = roomTestClient(server);
});
afterEach(() => client.cleanup());
afterAll(async () => {
  await server.stop();
});

const move = (x: number, z: number, yaw = 0) => ({ x, y: 0, z, yaw, pitch: 0 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const distanceOf = (room: Joined, sessionId: string) => {
  const owner = room.state.players.get(sessionId)!;
  const companion = room.state.companions.get(sessionId)!;
  return Math.hypot(companion.x - owner.x, companion.z - owner.z);
};
const inBand = (d: number) => d >= 1 && d <= 1.5;

/** Walks a player along +z at about 2 m/s (one move every 100 ms), as a client would. */
async function walk(room: Joined, fromZ: number, toZ: number): Promise<void> {
  for (let z = fromZ + 0.2; z <= toZ + 1e-9; z += 0.2) {
    room.send("move", move(0, Math.round(z * 10) / 10));
    await sleep(100);
  }
}

describe("companion movement", () => {
  it("walks beside its owner, and every client sees it move and come to rest", async () => {
    const ann = await client.join("Ann");
    const bob = await client.join("Bob");
    const start = bob.state.companions.get(ann.sessionId)!.toJSON();
    const speeds: number[] = [];
    bob.onStateChange(() => speeds.push(bob.state.companions.get(ann.sessionId)!.speed));

    await walk(ann, 0, 4);
    await untilState(bob, () => bob.state.players.get(ann.sessionId)!.z === 4, "Bob to see Ann arrive");
    // Standing beside her, it looks the way she looks (yaw 0, as her moves say).
    const standing = () => bob.state.companions.get(ann.sessionId)!;
    await untilState(bob, () => standing().speed === 0 && inBand(distanceOf(bob, ann.sessionId)) && Math.abs(standing().yaw) < 1e-3, "Ann's companion to stand beside her");

    const seen = bob.state.companions.get(ann.sessionId)!;
    expect(seen.z - start.z).toBeGreaterThan(3);
    expect(Math.max(...speeds)).toBeGreaterThan(1);
    expect(seen.warp).toBe(0);
  });

  it("goes through a portal with its owner and arrives beside them in the other world", async () => {
    const token = await guestToken(server.url, "Ann");
    const ann = await client.join("Ann", { token });
    const companionId = ann.state.companions.get(ann.sessionId)!.id;
    const portal = new Promise<PortalEvent>((resolve) => ann.onMessage("portal", resolve));
    await walk(ann, 0, 7.4);
    const event = await portal;
    expect(event).toEqual({ portalId: "to-beta", world: "beta", via: "to-alpha" });

    await ann.leave(true);
    const arrived = await client.track(await client.colyseus.sdk.joinOrCreate<WorldState>(WORLD_ROOM, { token, world: event.world, via: event.via }, WorldState));
    expect(arrived.state.worldId).toBe("beta");
    const companion = arrived.state.companions.get(arrived.sessionId)!;
    expect(companion.id).toBe(companionId);
    expect(inBand(distanceOf(arrived, arrived.sessionId))).toBe(true);
    expect(companion.warp).toBe(0);

    // It keeps to its owner there: she walks on, it follows.
    arrived.send("move", move(0, 5.4, Math.PI));
    await sleep(100);
    arrived.send("move", move(0, 4.8, Math.PI));
    await untilState(arrived, () => Math.abs(arrived.state.players.get(arrived.sessionId)!.z - 4.8) < 1e-3 && companion.speed === 0 && inBand(distanceOf(arrived, arrived.sessionId)), "the companion beside her in beta");
    expect(companion.z).toBeLessThan(6.5);
  });

  it("catches up by a warp when its owner is suddenly on another floor", async () => {
    const ann = await client.join("Ann");
    const bob = await client.join("Bob");
    // A lift, say: the server itself moves the player up (the fixture worlds are flat, no client move does that).
    client.serverRoom(ann).state.players.get(ann.sessionId)!.y = 3;
    await untilState(bob, () => bob.state.companions.get(ann.sessionId)!.warp === 1, "Bob to see the companion warp");
    const companion = bob.state.companions.get(ann.sessionId)!;
    expect(companion.y).toBe(3);
    expect(inBand(distanceOf(bob, ann.sessionId))).toBe(true);
    expect(bob.state.companions.get(bob.sessionId)!.warp).toBe(0);
  });
});
