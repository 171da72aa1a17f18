/**
 * Worker thread of `bench room`: one share of the simulated users. Joins them, then on
 * "start" sends moves at the given rate and records "own move → seen in a patch" latencies
 * until "stop", and posts its figures back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Client, type Room } from "@colyseus/sdk";
import { ClientMessage, ServerMessage, WORLD_ROOM, type WorldState } from "../../shared";

export interface RoomUsersInput {
  url: string;
  world: string;
  count: number;
  firstIndex: number;
  hz: number;
}

export type RoomUsersEvent =
  | { type: "joined"; count: number; roomIds: string[] }
  | { type: "progress"; seen: number; errors: number }
  | { type: "done"; latencies: number[]; patches: number; errors: number };

interface SimUser {
  room: Room<unknown, WorldState>;
  /** Sent x value (as float32) → send time, for moves not yet seen. */
  pending: Map<number, number>;
  baseX: number;
  baseZ: number;
  step: number;
}

const input = workerData as RoomUsersInput;
const port = parentPort!;
const sdk = new Client(input.url);
const latencies: number[] = [];
let patches = 0;
let errors = 0;
let measuring = false;

const users: SimUser[] = [];
for (let i = 0; i < input.count; i += 10) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(10, input.count - i) }, (_, j) => joinUser(`bench-${input.firstIndex + i + j}`)),
  );
  users.push(...batch);
}
port.postMessage({ type: "joined", count: users.length, roomIds: users.map((u) => u.room.roomId) } satisfies RoomUsersEvent);

const timers: NodeJS.Timeout[] = [];
const progress = setInterval(() => port.postMessage({ type: "progress", seen: latencies.length, errors } satisfies RoomUsersEvent), 1000);
port.on("message", async (message: "start" | "stop") => {
  if (message === "start") {
    measuring = true;
    const interval = 1000 / input.hz;
    users.forEach((u, i) => {
      timers.push(setTimeout(() => timers.push(setInterval(() => sendMove(u), interval)), (i * interval) / users.length));
    });
    return;
  }
  measuring = false;
  for (const t of timers) clearInterval(t);
  clearInterval(progress);
  port.postMessage({ type: "done", latencies, patches, errors } satisfies RoomUsersEvent);
  await Promise.all(users.map((u) => u.room.leave(true).catch(() => undefined)));
  process.exit(0);
});

async function joinUser(name: string): Promise<SimUser> {
  const res = await fetch(`${input.url}/api/auth/guest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (!res.ok) throw new Error(`guest auth failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const room = await sdk.joinOrCreate<WorldState>(WORLD_ROOM, { token, world: input.world });
  await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
  const me = room.state.players.get(room.sessionId);
  if (!me) throw new Error("joined without a player in the state");
  const user: SimUser = { room, pending: new Map(), baseX: me.x, baseZ: me.z, step: 0 };
  room.onMessage(ServerMessage.Error, () => errors++);
  room.onLeave(() => {
    if (measuring) errors++;
  });
  room.onStateChange((state) => {
    if (!measuring) return;
    patches++;
    const mine = state.players.get(room.sessionId);
    const sentAt = mine && user.pending.get(mine.x);
    if (sentAt === undefined) return;
    latencies.push(performance.now() - sentAt);
    // Moves go out in order: everything sent up to this one is superseded.
    for (const [x, t] of user.pending) if (t <= sentAt) user.pending.delete(x);
  });
  return user;
}

/** Walk back and forth by up to 0.4 m around the spawn point: always walkable, never too fast. */
function sendMove(u: SimUser): void {
  u.step++;
  // The tiny drift keeps every sent x distinct, so each patch names the move it carries.
  const x = Math.fround(u.baseX + 0.4 * Math.sin(u.step * 0.25) + u.step * 1e-5);
  u.pending.set(x, performance.now());
  u.room.send(ClientMessage.Move, { x, y: 0, z: u.baseZ, yaw: 0, pitch: 0 });
}
