import type { Room as ClientRoom } from "@colyseus/sdk";
// The TestServer entry skips @colyseus/testing's index, which loads @colyseus/tools and dotenv.
import { ColyseusTestServer } from "@colyseus/testing/TestServer";
import { WORLD_ROOM, type CompanionDoneEvent, type CompanionSentenceEvent, type JoinOptions } from "../../../shared/protocol";
import { WorldState } from "../../../shared/state";
import type { WorldRoom } from "../../../server/rooms";
import { afterAll, afterEach, beforeAll } from "vitest";
import { guestToken, startTestServer, type TestServer } from "../support/testServer";

export type Joined = ClientRoom<unknown, WorldState>;

/** Joins players through the real SDK and leaves them all again in `cleanup()` (call it after each test). */
export function roomTestClient(server: TestServer) {
  const colyseus = new ColyseusTestServer(server.gameServer);
  /** Rooms still joined, to leave after each test (a room that has left never settles leave()). */
  const joined = new Set<Joined>();
  const track = async (room: Joined): Promise<Joined> => {
    joined.add(room);
    room.onLeave(() => joined.delete(room));
    // Every player hears every chat line and companion event; tests that care listen themselves.
    for (const type of ["chat", "companion:sentence", "companion:done", "companion:audio", "companion:audio-stop"]) room.onMessage(type, () => undefined);
    await room.waitForInitialState();
    return room;
  };
  return {
    colyseus,
    /** Signs in a new guest called `name`, unless `options.token` names one already. */
    async join(name: string, options: Partial<JoinOptions> = {}): Promise<Joined> {
      const token = options.token ?? (await guestToken(server.url, name));
      return track(await colyseus.sdk.joinOrCreate<WorldState>(WORLD_ROOM, { token, world: "alpha", ...options }, WorldState));
    },
    /** A room joined some other way, left after the test like the others. */
    track,
    serverRoom(room: Joined): WorldRoom {
      return colyseus.getRoomById<WorldRoom>(room.roomId);
    },
    async cleanup(): Promise<void> {
      await Promise.all([...joined].map((room) => room.leave(true)));
      await colyseus.cleanup();
    },
  };
}

export type Heard = ({ kind: "sentence" } & CompanionSentenceEvent) | ({ kind: "done" } & CompanionDoneEvent);

/** Events in the order they arrive, and a wait for the ones a test expects; `describe` says what was heard when a wait fails. */
export function recordEvents<T>(describe: (heard: T[]) => string) {
  const heard: T[] = [];
  const waiters = new Set<() => void>();
  return {
    heard,
    record(event: T): void {
      heard.push(event);
      for (const waiter of [...waiters]) waiter();
    },
    /** Resolves once `check` holds (re-checked on every event), fails after `ms`. */
    until(check: () => boolean, what: string, ms = 5000): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}; heard ${describe(heard)}`));
        }, ms);
        const waiter = () => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        };
        waiters.add(waiter);
      });
    },
  };
}

/** Records every companion event a player receives, in order, and waits for the ones a test expects. */
export function hearCompanions(room: Joined) {
  const events = recordEvents<Heard>((heard) => JSON.stringify(heard));
  room.onMessage("companion:sentence", (event: CompanionSentenceEvent) => events.record({ kind: "sentence", ...event }));
  room.onMessage("companion:done", (event: CompanionDoneEvent) => events.record({ kind: "done", ...event }));
  return {
    heard: events.heard,
    /** The events of one companion. */
    of: (companionId: string) => events.heard.filter((event) => event.companionId === companionId),
    until: events.until,
  };
}

/** Resolves when `check` holds (re-checked on every state change), fails after `ms`. */
export function untilState(room: Joined, check: () => boolean, what: string, ms = 5000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      room.onStateChange.remove(listener);
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const listener = () => {
      if (!check()) return;
      clearTimeout(timer);
      room.onStateChange.remove(listener);
      resolve();
    };
    room.onStateChange(listener);
  });
}

/**
 * For a describe block (or file) of room tests: a real server started before them, a
 * {@link roomTestClient} whose players leave after each test, and the server stopped after all.
 */
export function roomTestServer(): { client(): ReturnType<typeof roomTestClient> } {
  let server: TestServer | undefined;
  let client: ReturnType<typeof roomTestClient> | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    client = roomTestClient(server);
  });
  afterEach(() => client?.cleanup());
  afterAll(async () => {
    await server?.stop();
  });
  return {
    client() {
      if (!client) throw new Error("the room test server is not started yet: call client() inside a test");
      return client;
    },
  };
}
