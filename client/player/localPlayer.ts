import type { MoveMessage } from "../../shared/protocol";
import { createAvatarDriver } from "../avatar";
import type { Pose } from "./movementStep";

/**
 * The local player's pose, mutated every frame by LocalPlayer and read by the camera, the
 * automation handle and the HUD. A plain object, not a store: it changes 60 times a second.
 */
export const localPlayer: Pose & {
  /** Head pitch sent to others, radians; positive looks down. */
  pitch: number;
  /** Ground speed this frame, m/s, for the walk animation. */
  speed: number;
  /** The room session whose server position this pose started from ("" before joining). */
  sessionId: string;
  /** Set when the server refused a move: the next frame snaps back to the server's position. */
  resync: boolean;
} = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0, speed: 0, sessionId: "", resync: false };

/** The local player's body driver: one for the page, like the pose it animates. */
export const localAvatarDriver = createAvatarDriver();

/** Mouse/keyboard-controlled orbit of the third-person camera around the player's head. */
export const cameraRig = {
  yaw: 0,
  /** Radians above the horizontal; the camera looks down at the player. */
  pitch: 0.32,
  /** Wanted distance from the head; walls may pull the camera closer. */
  distance: 4.6,
};

export const CAMERA_PITCH_MIN = -0.25;
export const CAMERA_PITCH_MAX = 1.25;
export const CAMERA_DISTANCE_MIN = 1.6;
export const CAMERA_DISTANCE_MAX = 11;

/** Puts the player somewhere (spawn, server correction) with the camera behind them. */
export function placeLocalPlayer(x: number, y: number, z: number, yaw: number, sessionId: string): void {
  localPlayer.x = x;
  localPlayer.y = y;
  localPlayer.z = z;
  localPlayer.yaw = yaw;
  localPlayer.speed = 0;
  localPlayer.sessionId = sessionId;
  localPlayer.resync = false;
  cameraRig.yaw = yaw;
}

/** Copies the local pose into a reusable `move` message (no allocation: sent many times a second). */
export function writeLocalPose(message: MoveMessage): MoveMessage {
  message.x = localPlayer.x;
  message.y = localPlayer.y;
  message.z = localPlayer.z;
  message.yaw = localPlayer.yaw;
  message.pitch = localPlayer.pitch;
  return message;
}
