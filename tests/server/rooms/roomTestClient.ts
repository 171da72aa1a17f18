import type { Room as ClientRoom } from "@colyseus/sdk";
// The TestServer entry skips @colyseus/testing's index, which loads @colyseus/tools and dotenv.
import { ColyseusTestServer } from "@colyseus/testing/TestServer";
import { WORLD_ROOM, type CompanionDoneEvent, type CompanionSentenceEvent, type JoinOptions } from "../../../shared/protocol";
import { WorldState } from "../../../shared/state";
import type { WorldRoom } from "../../../server/rooms";
import { guestToken, type TestServer } from "../support/testServer";

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
    for (const type of ["chat", "companion:sentence", "companion:done"]) room.onMessage(type, () => undefined);
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

/** Records every companion event a player receives, in order, and waits for the ones a test expects. */
export function hearCompanions(room: Joined) {
  const heard: Heard[] = [];
  const waiters = new Set<() => void>();
  const record = (event: Heard) => {
    heard.push(event);
    for (const waiter of [...waiters]) waiter();
  };
  room.onMessage("companion:sentence", (event: CompanionSentenceEvent) => record({ kind: "sentence", ...event }));
  room.onMessage("companion:done", (event: CompanionDoneEvent) => record({ kind: "done", ...event }));
  return {
    heard,
    /** The events of one companion. */
    of: (companionId: string) => heard.filter((event) => event.companionId === companionId),
    /** Resolves once `check` holds (re-checked on every event), fails after `ms`. */
    until(check: () => boolean, what: string, ms = 5000): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}; heard ${JSON.stringify(heard)}`));
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
