import { create } from "zustand";
import { InterpolationBuffer, type PoseSample } from "./interpolation";

export interface Person {
  userId: string;
  name: string;
  connected: boolean;
}

/** Other people in the room, by session id. Changes only when someone arrives, leaves or renames. */
export const usePeople = create<{ people: Record<string, Person> }>(() => ({ people: {} }));

/** The moving part of a remote person, kept out of React: updated per patch and per frame. */
export interface RemoteTrack {
  buffer: InterpolationBuffer;
  /** Where the person is drawn this frame (interpolated). */
  shown: PoseSample & { pitch: number; speed: number };
  /** Head pitch from the latest update (not worth interpolating). */
  pitch: number;
}

export const remoteTracks = new Map<string, RemoteTrack>();

export function createTrack(): RemoteTrack {
  return {
    buffer: new InterpolationBuffer(),
    shown: { t: 0, x: 0, y: 0, z: 0, yaw: 0, pitch: 0, speed: 0 },
    pitch: 0,
  };
}
