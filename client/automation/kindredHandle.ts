import type { ChatEvent } from "../../shared/protocol";
import type { ConnectionStatus } from "../net";
import { listeningStatus, type ListeningStatus } from "../voice/input";
import { voicePlaybackStatus, type VoicePlaybackStatus } from "../voice/playback";
import { xrStatus, type XrStatus } from "../xr";
import { createFrameRecord, type FrameRecord, type RollingRecord } from "./frameLedger";

export type { FrameRecord, RollingRecord } from "./frameLedger";

/** How many recent frames `frames` keeps, and how many companion updates `companionUpdates` keeps. */
export const FRAMES_KEPT = 600;
export const COMPANION_UPDATES_KEPT = 6000;

/** A companion as the automation handle shows it. */
export interface CompanionView {
  /** The owner's user id. */
  ownerId: string;
  name: string;
  x: number;
  y: number;
  z: number;
  yaw: number;
  /** Ground speed, m/s. */
  speed: number;
  /** The face's current expression weights (the driver's own record). */
  expressions: Record<string, number>;
  /** Where its head is drawn (world space; the driver's own record). */
  head: { x: number; y: number; z: number };
  /** Its VRM has loaded (before that, the placeholder body stands in). */
  loaded: boolean;
  /** Drawn at all (false while faded out for a catch-up warp). */
  visible: boolean;
}

/**
 * `window.__kindred`: a read-only view of the client for browser tests and tools. Its objects
 * are created once and updated in place every frame, so reading it costs the page nothing.
 */
export interface KindredHandle {
  /** The world is rendered and the room joined: the person can walk around. */
  ready: boolean;
  worldId: string;
  sessionId: string;
  userId: string;
  connection: ConnectionStatus;
  /**
   * The local player; yaw in radians, 0 faces +Z; their avatar reference and whether its VRM has
   * loaded; where its drawn body faces and how much it is scaled (a headset's body: BodyFacing, BodyScale).
   */
  self: { x: number; y: number; z: number; yaw: number; avatar: string; loaded: boolean; bodyYaw: number; bodyScale: number };
  /** Other players by session id, at their rendered (interpolated) positions and ground speed (m/s, what drives their walk), with their bodies (facing and scale as drawn). */
  players: Record<string, { name: string; avatar: string; loaded: boolean; x: number; y: number; z: number; speed: number; bodyYaw: number; bodyScale: number }>;
  /**
   * The camera: position, orbit yaw (radians, the camera sits behind a player facing this way)
   * and its view-projection matrix (column-major), to project world points onto the screen.
   */
  camera: { x: number; y: number; z: number; yaw: number; viewProjection: number[] };
  /** Every companion in the room (the local player's too) by companion id, as drawn. */
  companions: Record<string, CompanionView>;
  /**
   * Frames rendered; the time between the last two (ms); the JS time of the last frame's
   * update stages before rendering (ms); how much of it went to avatar updates (ms); and what
   * the last render drew (draw calls and triangles, shadow passes included), and how many
   * shader programs the renderer holds (a new one is compiled when something is first drawn).
   */
  frame: { count: number; lastMs: number; jsMs: number; avatarMs: number; drawCalls: number; triangles: number; programs: number };
  /** Recent frames' JS time, by stage, with the avatar updates each ran and the garbage collections seen in it. */
  frames: FrameRecord;
  /** Recent update times of single companion avatars (ms), one entry per companion update a frame ran. */
  companionUpdates: RollingRecord & { ms: number[] };
  /** The last 50 chat events received. */
  chat: ChatEvent[];
  /** WebXR: whether immersive VR is offered, whether a session runs and which, and the teleport aim. */
  xr: XrStatus;
  /** Companions' speech: the audio output's state, and per companion id its chunks, clock, mouth timeline and level. */
  voice: VoicePlaybackStatus;
  /** The microphone: push-to-talk or hands-free, its state, what the server heard, and counters of speech starts, segments sent and transcripts. */
  listening: ListeningStatus;
}

export const CHAT_KEPT = 50;

/** The handle's single instance, written only by the automation module. */
export const kindred: KindredHandle = {
  ready: false,
  worldId: "",
  sessionId: "",
  userId: "",
  connection: "connecting",
  self: { x: 0, y: 0, z: 0, yaw: 0, avatar: "", loaded: false, bodyYaw: 0, bodyScale: 1 },
  players: {},
  camera: { x: 0, y: 0, z: 0, yaw: 0, viewProjection: new Array<number>(16).fill(0) },
  companions: {},
  frame: { count: 0, lastMs: 0, jsMs: 0, avatarMs: 0, drawCalls: 0, triangles: 0, programs: 0 },
  frames: createFrameRecord(FRAMES_KEPT),
  companionUpdates: { capacity: COMPANION_UPDATES_KEPT, written: 0, ms: new Array<number>(COMPANION_UPDATES_KEPT).fill(0) },
  chat: [],
  // The XR module's own record, updated in place by it: read live, never copied.
  xr: xrStatus,
  // The playback module's own record, updated in place by it: read live, never copied.
  voice: voicePlaybackStatus,
  // The voice input's own record, updated in place by it.
  listening: listeningStatus,
};

declare global {
  interface Window {
    readonly __kindred?: KindredHandle;
  }
}

export function installKindredHandle(): void {
  if ("__kindred" in window) return;
  Object.defineProperty(window, "__kindred", { value: kindred, writable: false, configurable: false, enumerable: false });
}
