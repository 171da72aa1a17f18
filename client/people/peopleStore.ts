import { create } from "zustand";
import type { XrPoseState } from "../../shared/state";
import { createAvatarDriver, type AvatarDriver } from "../avatar";
import { InterpolationBuffer, type PoseSample } from "./interpolation";

export interface Person {
  userId: string;
  name: string;
  /** Their body: an avatar reference (shared/avatars). */
  avatar: string;
  connected: boolean;
}

interface PeopleState {
  /** Other people in the room, by session id. */
  people: Record<string, Person>;
  /** The avatar the room has for the local player ("" before joining). */
  selfAvatar: string;
}

/** Changes only when someone arrives, leaves, renames or changes body. */
export const usePeople = create<PeopleState>(() => ({ people: {}, selfAvatar: "" }));

/** The moving part of a remote person, kept out of React: updated per patch and per frame. */
export interface RemoteTrack {
  buffer: InterpolationBuffer;
  /** Where the person is drawn this frame (interpolated). */
  shown: Required<PoseSample> & { pitch: number; speed: number };
  /** Head pitch from the latest update (not worth interpolating). */
  pitch: number;
  /** Their body's driver, kept with the track so tools can read it. */
  driver: AvatarDriver;
  /** Their headset's head and hands (the room state's, updated in place; headHeight 0 when not in one). */
  xr: XrPoseState | null;
}

export const remoteTracks = new Map<string, RemoteTrack>();

export function createTrack(): RemoteTrack {
  return {
    buffer: new InterpolationBuffer(),
    shown: { t: 0, x: 0, y: 0, z: 0, yaw: 0, jumps: 0, pitch: 0, speed: 0 },
    pitch: 0,
    driver: createAvatarDriver(),
    xr: null,
  };
}
