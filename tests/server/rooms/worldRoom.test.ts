import { ErrorCode } from "@colyseus/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHAT_MAX_LENGTH, WORLD_ROOM, type ChatEvent, type ErrorEvent, type JoinOptions, type PortalEvent } from "../../../shared/protocol";
import { WorldState } from "../../../shared/state";
import { guestToken, startTestServer, type TestServer } from "../support/testServer";
import { roomTestClient, untilState, type Joined } from "./roomTestClient";

const RECONNECT_SECONDS = 2;
const MAX_CLIENTS = 3;

let server: TestServer;
let client: ReturnType<typeof roomTestClient>;

beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: RECONNECT_SECONDS, maxClients: MAX_CLIENTS });
  client = roomTestClient(server);
});
afterEach(() => client.cleanup());
afterAll(async () => {
  await server.stop();
});

const join = (name: string, options: Partial<JoinOptions> = {}) => client.join(name, options);
const serverRoom = (room: Joined) => client.serverRoom(room);
const move = (x: number, z: number, extra: Record<string, unknown> = {}) => ({ x, y: 0, z, yaw: 0, pitch: 0, ...extra });

describe("joining", () => {
  it("places a signed-in player at a spawn point with their name", async () => {
    const room = await join("Ann");
    expect(room.state.worldId).toBe("alpha");
    const me = room.state.players.get(room.sessionId)!;
    expect(me.toJSON()).toMatchObject({ name: "Ann", x: 0, y: 0, z: 0, pitch: 0, connected: true, avatar: "wren" });
    expect(me.userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["without a token", { world: "alpha" }, ErrorCode.AUTH_FAILED, /a token is required: get one from POST \/api\/auth\/guest/],
    ["with a forged token", { token: "e30.e30.c2ln", world: "alpha" }, ErrorCode.AUTH_FAILED, /join refused: token is malformed/],
    ["into an unknown world", { token: "", world: "gamma" }, ErrorCode.MATCHMAKE_INVALID_CRITERIA, /join refused: no world "gamma"/],
    ["through an unknown portal", { token: "", world: "alpha", via: "to-nowhere" }, ErrorCode.MATCHMAKE_INVALID_CRITERIA, /has no portal "to-nowhere"/],
    ["with unexpected options", { token: "", world: "alpha", admin: true }, ErrorCode.MATCHMAKE_INVALID_CRITERIA, /Unrecognized key: "admin"/],
  ])("refuses a join %s with a clear error", async (_what, options: Record<string, unknown>, code, message) => {
    const withToken = options.token === "" ? { ...options, token: await guestToken(server.url, "Eve") } : options;
    await expect(client.colyseus.sdk.joinOrCreate(WORLD_ROOM, withToken)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it("opens another instance of a world when one is full", async () => {
    const rooms = [];
    for (let i = 0; i < MAX_CLIENTS + 1; i++) rooms.push(await join(`P${i}`));
    const first = rooms[0]!.roomId;
    expect(rooms.slice(0, MAX_CLIENTS).every((r) => r.roomId === first)).toBe(true);
    expect(rooms[MAX_CLIENTS]!.roomId).not.toBe(first);
    expect(rooms[MAX_CLIENTS]!.state.worldId).toBe("alpha");
  });
});

describe("moving", () => {
  it("accepts a valid move and shows it to the others", async () => {
    const ann = await join("Ann");
    const bob = await join("Bob");
    expect(bob.roomId).toBe(ann.roomId);
    ann.send("move", move(0.5, 0.25, { yaw: 1.5, pitch: 0.25 }));
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.x === 0.5, "Bob to see Ann move");
    expect(bob.state.players.get(ann.sessionId)!.toJSON()).toMatchObject({ x: 0.5, z: 0.25, yaw: 1.5, pitch: 0.25 });
  });

  it.each([
    ["out of bounds", move(10.5, 0), "move_rejected", /outside the world's bounds/],
    ["into an obstacle", move(0, -5), "move_rejected", /inside an obstacle/],
    ["with a non-finite number", move(Number.NaN, 0), "invalid_message", /x: /],
    ["with infinity", move(0, Number.POSITIVE_INFINITY), "invalid_message", /z: /],
    ["too far, too fast", move(9.5, 0), "move_rejected", /faster than allowed/],
  ])("refuses a move %s with an error and changes nothing", async (_what, message, code, text) => {
    const ann = await join("Ann");
    const errorEvent = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("move", message);
    expect(await errorEvent).toEqual({ code, type: "move", message: expect.stringMatching(text) });
    const player = serverRoom(ann).state.players.get(ann.sessionId)!;
    expect([player.x, player.y, player.z]).toEqual([0, 0, 0]);
  });

  it("rate-limits a flood of moves", async () => {
    const ann = await join("Ann");
    const errors: ErrorEvent[] = [];
    ann.onMessage("error", (e: ErrorEvent) => errors.push(e));
    for (let i = 0; i < 40; i++) ann.send("move", move(0, 0));
    ann.send("chat", { text: "done" });
    await ann.waitForMessage("chat");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === "rate_limited" && e.type === "move")).toBe(true);
  });

  it("answers an unknown message type with an error", async () => {
    const ann = await join("Ann");
    const errorEvent = ann.waitForMessage("error");
    ann.send("dance", { style: "waltz" });
    expect(await errorEvent).toEqual({ code: "unknown_message", type: "dance", message: 'unknown message type "dance"' });
  });
});

describe("chat", () => {
  it("broadcasts trimmed chat with sender and time", async () => {
    const ann = await join("Ann");
    const bob = await join("Bob");
    const heard = bob.waitForMessage("chat") as Promise<ChatEvent>;
    const before = Date.now();
    ann.send("chat", { text: "  hello Bob  " });
    const event = await heard;
    expect(event).toEqual({ id: expect.any(String), userId: ann.state.players.get(ann.sessionId)!.userId, name: "Ann", text: "hello Bob", time: expect.any(Number) });
    expect(event.time).toBeGreaterThanOrEqual(before);
  });

  it.each([
    ["oversize", "x".repeat(CHAT_MAX_LENGTH + 1), /longer than 500 characters/],
    ["empty", "   ", /chat text is empty/],
  ])("refuses %s chat and broadcasts nothing", async (_what, text, message) => {
    const ann = await join("Ann");
    const bob = await join("Bob");
    let bobHeard = 0;
    bob.onMessage("chat", () => bobHeard++);
    const errorEvent = ann.waitForMessage("error");
    ann.send("chat", { text });
    expect(await errorEvent).toEqual({ code: "invalid_message", type: "chat", message: expect.stringMatching(message) });
    ann.send("chat", { text: "real" });
    await bob.waitForMessage("chat");
    expect(bobHeard).toBe(1);
  });

  it("rate-limits chat to 5 lines per 5 seconds", async () => {
    const ann = await join("Ann");
    const errorEvent = ann.waitForMessage("error");
    for (let i = 0; i < 6; i++) ann.send("chat", { text: `line ${i}` });
    expect(await errorEvent).toEqual({ code: "rate_limited", type: "chat", message: expect.stringMatching(/at most 5 per 5 seconds/) });
  });
});

describe("reconnection", () => {
  /** Cuts the player's socket as a network failure would (no close handshake). */
  function dropConnection(room: Joined) {
    const client = serverRoom(room).clients.getById(room.sessionId)!;
    (client.ref as unknown as { terminate(): void }).terminate();
  }

  it("keeps a dropped player's place, marked disconnected, until the SDK reconnects", async () => {
    const ann = await join("Ann");
    const bob = await join("Bob");
    ann.send("move", move(0.5, 0));
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.x === 0.5, "Ann's move");
    ann.reconnection.minUptime = 0;
    ann.reconnection.minDelay = 400;
    const reconnected = new Promise<void>((resolve, reject) => {
      ann.onReconnect(() => resolve());
      ann.onLeave((code, reason) => reject(new Error(`left instead of reconnecting: ${code} ${reason}`)));
    });

    dropConnection(ann);
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.connected === false, "Ann shown as disconnected");
    await reconnected;
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.connected === true, "Ann shown as connected again");
    expect(bob.state.players.get(ann.sessionId)!.x).toBe(0.5);
    expect(serverRoom(ann).state.players.size).toBe(2);

    ann.send("move", move(1, 0));
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.x === 1, "a move after reconnecting");
  });

  it("removes the player when the window passes without a reconnection", async () => {
    const ann = await join("Ann");
    const bob = await join("Bob");
    ann.reconnection.enabled = false;
    dropConnection(ann);
    await untilState(bob, () => bob.state.players.get(ann.sessionId)?.connected === false, "Ann shown as disconnected");
    await untilState(bob, () => !bob.state.players.has(ann.sessionId), "Ann removed", (RECONNECT_SECONDS + 3) * 1000);
    expect(bob.state.players.size).toBe(1);
  });
});

describe("portals", () => {
  it("sends the player through a portal into the other world, at the arrival portal's exit", async () => {
    const ann = await join("Ann");
    const portal = ann.waitForMessage("portal") as Promise<PortalEvent>;
    // Steps under the always-allowed slack distance, so elapsed time does not matter.
    for (let z = 0.7; z <= 7.01; z += 0.7) ann.send("move", move(0, Math.round(z * 10) / 10));
    const event = await portal;
    expect(event).toEqual({ portalId: "to-beta", world: "beta", via: "to-alpha" });

    const token = await guestToken(server.url, "Ann");
    await ann.leave(true);
    const arrived = await client.track(await client.colyseus.sdk.joinOrCreate<WorldState>(WORLD_ROOM, { token, world: event.world, via: event.via }, WorldState));
    expect(arrived.state.worldId).toBe("beta");
    const me = arrived.state.players.get(arrived.sessionId)!;
    expect([me.x, me.y, me.z]).toEqual([0, 0, 6]);
    expect(me.yaw).toBeCloseTo(Math.PI, 5);
  });
});
