import { CloseCode, ErrorCode, MatchMakeError, ServerError } from "@colyseus/sdk";
import { WORLD_ROOM, type JoinOptions } from "../../shared/protocol";
import { WorldState } from "../../shared/state";
import { browserTimeZone } from "./browserTimeZone";
import { gameClient } from "./gameClient";
import { useConnection, type WorldRoom } from "./connectionStore";

/** Sets up one room's listeners (chat, people, portals…); returns how to take them down. */
export type RoomBinder = (room: WorldRoom) => () => void;

const binders: RoomBinder[] = [];
let unbinders: Array<() => void> = [];
let current: WorldRoom | null = null;
/** What the last join asked for, so the retry button goes back to the same world. */
let lastOptions: JoinOptions | null = null;
/** Bumped by every join/leave so a late rejoin attempt knows it has been superseded. */
let generation = 0;

const REJOIN_DELAYS_MS = [500, 1500, 4000];

/** Registers a binder applied to every room joined from now on (first join, rejoin, portal). */
export function bindEveryRoom(binder: RoomBinder): void {
  binders.push(binder);
}

/** Joins a world room, replacing any current one. Rejects with a readable message. */
export async function joinWorld(options: JoinOptions): Promise<WorldRoom> {
  await leaveWorld();
  const myGeneration = generation;
  useConnection.setState({ status: "connecting", problem: null });
  try {
    const room = await joinRoom(options);
    if (myGeneration !== generation) {
      void room.leave(true);
      throw new Error("superseded by a newer join");
    }
    adopt(room, options);
    return room;
  } catch (error) {
    if (myGeneration === generation) useConnection.setState({ status: "disconnected", problem: describeJoinError(error) });
    throw new Error(describeJoinError(error));
  }
}

/** Leaves on purpose (portal, retry): no reconnection follows. */
export async function leaveWorld(): Promise<void> {
  const leaving = letGo();
  if (leaving) {
    useConnection.setState({ room: null });
    await leaving.leave(true).catch(() => undefined);
  }
}

/**
 * Leaves properly when the page goes away, so others see us go at once instead of after the
 * server's reconnection window.
 */
export function leaveWhenPageCloses(): void {
  window.addEventListener("pagehide", () => void letGo()?.leave(true));
}

/** The retry button: joins the same world again with the same identity. */
export async function retryConnection(): Promise<void> {
  const options = lastOptions;
  if (!options) return;
  await joinWorld({ ...options, via: undefined }).catch(() => undefined);
}

async function joinRoom(options: JoinOptions): Promise<WorldRoom> {
  lastOptions = options;
  const clean: JoinOptions = { token: options.token, world: options.world };
  if (options.via) clean.via = options.via;
  if (options.avatar) clean.avatar = options.avatar;
  const timeZone = options.timeZone ?? browserTimeZone();
  if (timeZone) clean.timeZone = timeZone;
  return gameClient().joinOrCreate(WORLD_ROOM, clean, WorldState);
}

function adopt(room: WorldRoom, options: JoinOptions): void {
  current = room;
  // A drop right after joining is still worth a reconnection attempt (SDK default: 5 s), and
  // the retries end about when the server stops holding our place (20 s): after that only a
  // fresh join can work.
  room.reconnection.minUptime = 1000;
  room.reconnection.maxRetries = 10;
  room.reconnection.maxDelay = 2500;
  room.onDrop(() => {
    if (current === room) useConnection.setState({ status: "reconnecting" });
  });
  room.onReconnect(() => {
    if (current === room) useConnection.setState({ status: "connected", problem: null });
  });
  room.onLeave((code, reason) => {
    if (current !== room || code === CloseCode.CONSENTED) return;
    void rejoinAfterLoss(options, reason);
  });
  unbinders = binders.map((bind) => bind(room));
  useConnection.setState({ room, status: "connected", problem: null });
}

/** Stops following the current room (no listeners, no rejoin) and hands it over to be left. */
function letGo(): WorldRoom | null {
  generation++;
  const leaving = current;
  detach();
  return leaving;
}

function detach(): void {
  for (const unbind of unbinders) unbind();
  unbinders = [];
  current = null;
}

/** The SDK could not resume the session (window expired, server restarted): join afresh. */
async function rejoinAfterLoss(options: JoinOptions, reason: string | undefined): Promise<void> {
  detach();
  const myGeneration = ++generation;
  useConnection.setState({ room: null, status: "reconnecting" });
  let problem = reason || "the connection was lost";
  for (const delay of REJOIN_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (myGeneration !== generation) return;
    try {
      const room = await joinRoom({ ...options, via: undefined });
      if (myGeneration !== generation) {
        void room.leave(true);
        return;
      }
      adopt(room, options);
      return;
    } catch (error) {
      problem = describeJoinError(error);
      // A refused token will be refused again: stop and let the person retry.
      // (The matchmaker reports it as a MatchMakeError, other failures as a ServerError.)
      if (isAuthRefusal(error)) break;
    }
  }
  if (myGeneration === generation) useConnection.setState({ status: "disconnected", problem });
}

function isAuthRefusal(error: unknown): boolean {
  return (error instanceof MatchMakeError || error instanceof ServerError) && error.code === ErrorCode.AUTH_FAILED;
}

function describeJoinError(error: unknown): string {
  // fetch() reports an unreachable server as a bare TypeError ("Failed to fetch").
  if (error instanceof TypeError) return "the server cannot be reached";
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "object" && error && "message" in error && typeof error.message === "string") return error.message;
  return "could not join the world";
}
