import { PlayerState, CompanionState, WorldState } from "../../../shared/state";
import { slideMove, type Walkable } from "../../../shared/world";
import { CompanionMovement, MOVEMENT_TICK_MS, besideOwner } from "../../../server/rooms";
import { findPath, navGridFor } from "../../../server/steering";

/** The owner's client sends its pose at 10 Hz: every other 20 Hz tick. */
const TICKS_PER_MOVE = 2;
const DT = MOVEMENT_TICK_MS / 1000;

/**
 * A room without the network: a WorldState with players and their companions, moved by the real
 * CompanionMovement tick while the test walks the owners along scripted routes the way a client
 * would (positions sent at 10 Hz, sliding along walls).
 */
export function steeringRoom(walkable: Walkable) {
  const state = new WorldState();
  state.worldId = walkable.world.id;
  const movement = new CompanionMovement(state, walkable);
  let ticks = 0;
  const heldMoves = new Map<string, { x: number; z: number; yaw: number }>();
  return {
    state,
    movement,
    /** Adds a player (and their companion beside them) at (x, z) facing `yaw`. */
    join(sessionId: string, x: number, z: number, yaw = 0): { owner: PlayerState; companion: CompanionState } {
      const owner = new PlayerState({ userId: `user-${sessionId}`, name: sessionId, x, y: 0, z, yaw, pitch: 0 });
      const at = besideOwner(walkable, { x, y: 0, z, yaw }, [...state.players.values(), ...state.companions.values()]);
      const companion = new CompanionState({ id: `companion-${sessionId}`, ownerId: owner.userId, name: `C-${sessionId}`, ...at, speed: 0 });
      state.players.set(sessionId, owner);
      state.companions.set(sessionId, companion);
      return { owner, companion };
    },
    /** The owner's client position for this tick; applied to the state at the client's send rate. */
    place(sessionId: string, x: number, z: number, yaw: number): void {
      heldMoves.set(sessionId, { x, z, yaw });
    },
    tick(): void {
      if (ticks++ % TICKS_PER_MOVE === 0) {
        for (const [sessionId, pose] of heldMoves) {
          const player = state.players.get(sessionId)!;
          player.x = pose.x;
          player.z = pose.z;
          player.yaw = pose.yaw;
        }
      }
      movement.tick(MOVEMENT_TICK_MS);
    },
  };
}

export interface Walker {
  x: number;
  z: number;
  yaw: number;
  /** True once the route's last point is reached. */
  done: boolean;
  /** Advances one tick at `speed` m/s. */
  step(speed: number): void;
}

/**
 * An owner walking through `stops` in order along walkable routes (A* between stops, like a
 * person steering round things), as a client's controls would move them.
 */
export function walker(walkable: Walkable, stops: readonly [number, number][]): Walker {
  const grid = navGridFor(walkable);
  const points: { x: number; z: number }[] = [];
  for (let i = 1; i < stops.length; i++) {
    const [fx, fz] = stops[i - 1]!;
    const [tx, tz] = stops[i]!;
    const route = findPath(grid, fx, fz, tx, tz);
    if (!route) throw new Error(`no route from ${fx},${fz} to ${tx},${tz}`);
    points.push(...route);
  }
  const [sx, sz] = stops[0]!;
  let next = 0;
  const moved = { x: 0, z: 0 };
  const self: Walker = {
    x: sx,
    z: sz,
    yaw: 0,
    done: false,
    step(speed: number) {
      let budget = speed * DT;
      while (budget > 0 && next < points.length) {
        const p = points[next]!;
        const d = Math.hypot(p.x - self.x, p.z - self.z);
        if (d <= budget) {
          budget -= d;
          next++;
          slideMove(walkable, self.x, self.z, p.x, p.z, moved);
        } else {
          slideMove(walkable, self.x, self.z, self.x + ((p.x - self.x) / d) * budget, self.z + ((p.z - self.z) / d) * budget, moved);
          budget = 0;
        }
        if (moved.x !== self.x || moved.z !== self.z) self.yaw = Math.atan2(moved.x - self.x, moved.z - self.z);
        self.x = moved.x;
        self.z = moved.z;
      }
      self.done = next >= points.length;
    },
  };
  return self;
}
