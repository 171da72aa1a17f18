import { AVATAR_PRESET_IDS } from "../../shared/avatars";
import { ClientMessage, MOVE_SEND_HZ, ServerMessage, type ErrorEvent } from "../../shared/protocol";
import { BODY_RADIUS, isWalkable, walkableOf, WorldDefinition, type Walkable } from "../../shared/world";
import { seededRandom } from "../../client/world/seededRandom";
import { joinAsCompanionOwner, type CompanionOwner } from "./companionOwner";

/** Bots stroll about this fast (m/s): a relaxed walk, well inside what the server accepts. */
const STROLL_SPEED = 1.3;
export const CIRCLE_RADIUS = 2.5;
/**
 * Longest stretch of walking one move covers (s): a bot whose timer stalled (a loaded machine)
 * resumes where it was instead of cutting across its circle faster than the server accepts.
 */
const MAX_STEP_SECONDS = 0.25;
/** Starting angles tried per bot, from its seeded one on. */
const CIRCLE_TRIES = 8;

export interface WalkingBots {
  owners: CompanionOwner[];
  /** Everyone starts walking now (until then each stands where it arrived): call it when measuring is about to begin. */
  walk(): void;
  /** Moves the server refused so far, and why the first one was. */
  refusedMoves(): { count: number; first: string };
  /** Stops walking and leaves. */
  stop(): Promise<void>;
}

/** One bot's circle (radius CIRCLE_RADIUS): its centre, where on it the bot is (radians) and which way it goes round. */
export interface Stroll {
  x: number;
  y: number;
  z: number;
  angle: number;
  direction: 1 | -1;
}

/**
 * `count` guests (with their companions) joined to `world` through the real SDK, each as one of
 * the preset avatars in turn, each arriving at the world's next spawn point. Once told to walk,
 * each goes round a circle through where it arrived, its starting angle and direction drawn
 * from `seed` (so every run with the same seed walks the same layout), the whole disc clear of
 * obstacles so no move cuts through one.
 */
export async function startWalkingBots(url: string, world: string, count: number, seed = 1): Promise<WalkingBots> {
  const definition = WorldDefinition.parse(await (await fetch(`${url}/api/worlds/${world}`)).json());
  const walkable = walkableOf(definition);
  const owners: CompanionOwner[] = [];
  for (let i = 0; i < count; i++) {
    owners.push(await joinAsCompanionOwner(url, `bot-${i + 1}`, world, AVATAR_PRESET_IDS[i % AVATAR_PRESET_IDS.length]));
  }
  const arrivals = owners.map((owner) => owner.room.state.players.get(owner.room.sessionId) ?? null);
  const strolls = planStrolls(walkable, arrivals, seed);
  const refused = { count: 0, first: "" };
  for (const owner of owners) {
    owner.room.onMessage(ServerMessage.Error, (error: ErrorEvent) => {
      refused.count++;
      refused.first ||= `${error.code}: ${error.message}`;
    });
  }
  let timer: NodeJS.Timeout | undefined;
  return {
    owners,
    walk() {
      if (timer) return;
      let last = performance.now();
      timer = setInterval(() => {
        const now = performance.now();
        const seconds = Math.min((now - last) / 1000, MAX_STEP_SECONDS);
        last = now;
        owners.forEach((owner, i) => {
          const stroll = strolls[i];
          if (stroll) step(owner, stroll, seconds);
        });
      }, 1000 / MOVE_SEND_HZ);
    },
    refusedMoves: () => ({ ...refused }),
    async stop() {
      clearInterval(timer);
      await Promise.all(owners.map((owner) => owner.leave()));
    },
  };
}

/**
 * Each bot's circle through where it arrived (null: it stands still), its starting angle and
 * direction drawn from `seed`: the same arrivals and seed always give the same layout.
 */
export function planStrolls(walkable: Walkable, arrivals: readonly ({ x: number; y: number; z: number } | null)[], seed: number): (Stroll | null)[] {
  const random = seededRandom(seed);
  return arrivals.map((at) => {
    const first = random() * Math.PI * 2;
    const direction = random() < 0.5 ? 1 : -1;
    return at ? clearCircle(walkable, at.x, at.y, at.z, first, direction) : null;
  });
}

/**
 * A circle through (x, z) whose whole disc (with a body's radius around it) is clear of obstacles
 * and inside the world, trying CIRCLE_TRIES starting angles from `first` on; null when there is
 * none (the bot then stands still).
 */
function clearCircle(walkable: Walkable, x: number, y: number, z: number, first: number, direction: 1 | -1): Stroll | null {
  const reach = CIRCLE_RADIUS + BODY_RADIUS;
  for (let k = 0; k < CIRCLE_TRIES; k++) {
    const angle = first + (k * Math.PI * 2) / CIRCLE_TRIES;
    const cx = x - Math.cos(angle) * CIRCLE_RADIUS;
    const cz = z - Math.sin(angle) * CIRCLE_RADIUS;
    if (isWalkable(walkable, cx, cz, reach)) return { x: cx, y, z: cz, angle, direction };
  }
  return null;
}

function step(owner: CompanionOwner, stroll: Stroll, seconds: number): void {
  stroll.angle += (stroll.direction * seconds * STROLL_SPEED) / CIRCLE_RADIUS;
  const x = stroll.x + Math.cos(stroll.angle) * CIRCLE_RADIUS;
  const z = stroll.z + Math.sin(stroll.angle) * CIRCLE_RADIUS;
  // Facing along the way it goes round.
  const yaw = Math.atan2(-Math.sin(stroll.angle) * stroll.direction, Math.cos(stroll.angle) * stroll.direction);
  owner.room.send(ClientMessage.Move, { x, y: stroll.y, z, yaw, pitch: 0 });
}
