import { AVATAR_PRESET_IDS } from "../../shared/avatars";
import { ClientMessage, MOVE_SEND_HZ, ServerMessage, type ErrorEvent } from "../../shared/protocol";
import { isWalkable, walkableOf, WorldDefinition, type Walkable } from "../../shared/world";
import { joinAsCompanionOwner, type CompanionOwner } from "./companionOwner";

/** Bots stroll about this fast (m/s): a relaxed walk, well inside what the server accepts. */
const STROLL_SPEED = 1.3;
const CIRCLE_RADIUS = 2.5;

export interface WalkingBots {
  owners: CompanionOwner[];
  /** Moves the server refused so far, and why the first one was. */
  refusedMoves(): { count: number; first: string };
  /** Stops walking and leaves. */
  stop(): Promise<void>;
}

/**
 * `count` guests (with their companions) joined to `world` through the real SDK, each as one of
 * the preset avatars in turn, walking slow circles through where they arrived, each circle
 * clear of obstacles all the way round.
 */
export async function startWalkingBots(url: string, world: string, count: number): Promise<WalkingBots> {
  const definition = WorldDefinition.parse(await (await fetch(`${url}/api/worlds/${world}`)).json());
  const walkable = walkableOf(definition);
  const owners: CompanionOwner[] = [];
  for (let i = 0; i < count; i++) {
    owners.push(await joinAsCompanionOwner(url, `bot-${i + 1}`, world, AVATAR_PRESET_IDS[i % AVATAR_PRESET_IDS.length]));
  }
  const refused = { count: 0, first: "" };
  for (const owner of owners) {
    owner.room.onMessage(ServerMessage.Error, (error: ErrorEvent) => {
      refused.count++;
      refused.first ||= `${error.code}: ${error.message}`;
    });
  }
  const started = performance.now();
  const timer = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    owners.forEach((owner, i) => stroll(owner, walkable, seconds, i));
  }, 1000 / MOVE_SEND_HZ);
  return {
    owners,
    refusedMoves: () => ({ ...refused }),
    async stop() {
      clearInterval(timer);
      await Promise.all(owners.map((owner) => owner.leave()));
    },
  };
}

const centres = new WeakMap<CompanionOwner, { x: number; y: number; z: number; start: number }>();
/** Points checked around a candidate circle; it must be walkable all round. */
const CIRCLE_CHECKS = 48;

/**
 * A circle through (x, z) that stays inside the walkable area all the way round, trying eight
 * starting angles; null when there is none (the bot then stands still).
 */
function walkableCircle(walkable: Walkable, x: number, z: number, first: number): { x: number; z: number; start: number } | null {
  for (let k = 0; k < 8; k++) {
    const start = first + (k * Math.PI) / 4;
    const cx = x - Math.cos(start) * CIRCLE_RADIUS;
    const cz = z - Math.sin(start) * CIRCLE_RADIUS;
    let clear = true;
    for (let i = 0; i < CIRCLE_CHECKS && clear; i++) {
      const a = (i / CIRCLE_CHECKS) * Math.PI * 2;
      clear = isWalkable(walkable, cx + Math.cos(a) * CIRCLE_RADIUS, cz + Math.sin(a) * CIRCLE_RADIUS);
    }
    if (clear) return { x: cx, z: cz, start };
  }
  return null;
}

function stroll(owner: CompanionOwner, walkable: Walkable, seconds: number, index: number): void {
  const me = owner.room.state.players.get(owner.room.sessionId);
  if (!me) return;
  let centre = centres.get(owner);
  if (!centre) {
    // Each bot starts at a different angle so they do not move in lockstep.
    const circle = walkableCircle(walkable, me.x, me.z, index);
    if (!circle) return;
    centre = { ...circle, y: me.y };
    centres.set(owner, centre);
  }
  const angle = centre.start + (seconds * STROLL_SPEED) / CIRCLE_RADIUS;
  const x = centre.x + Math.cos(angle) * CIRCLE_RADIUS;
  const z = centre.z + Math.sin(angle) * CIRCLE_RADIUS;
  const yaw = Math.atan2(-Math.sin(angle), Math.cos(angle));
  owner.room.send(ClientMessage.Move, { x, y: centre.y, z, yaw, pitch: 0 });
}
