import { create } from "zustand";
import type { AvatarDriver } from "../avatar";
import { InterpolationBuffer, type PoseSample, type Said } from "../people";
import { WarpFade } from "./warpFade";

/** What changes rarely about a companion (drawn by React). */
export interface CompanionInfo {
  id: string;
  /** The owner's user id. */
  ownerId: string;
  name: string;
  avatar: string;
  /** The state's tints JSON, kept as text so an unchanged value is the same value. */
  tints: string;
}

interface CompanionsState {
  /** By the owner's session id, like the room state. */
  companions: Record<string, CompanionInfo>;
  /** The sentence each companion is saying, by companion id, for its bubble. */
  saying: Record<string, Said>;
}

export const useCompanions = create<CompanionsState>(() => ({ companions: {}, saying: {} }));

/** The moving part of a companion, kept out of React: updated per patch and per frame. */
export interface CompanionTrack {
  id: string;
  /** The owner's user id. */
  ownerId: string;
  /** The owner's session id (the key in the room state). */
  ownerSession: string;
  buffer: InterpolationBuffer;
  /** Where it is drawn this frame (interpolated); pitch is unused by companions. */
  shown: PoseSample & { pitch: number; speed: number };
  /** Latest from the server. */
  speed: number;
  /** Session id of whom it looks at; "" for its owner. */
  attention: string;
  warp: number;
  emotion: string;
  fade: WarpFade;
  /** Its current opacity (0 = not drawn). */
  opacity: number;
  driver: AvatarDriver;
  /** Where its eyes go, written in place every frame. */
  gaze: { x: number; y: number; z: number };
}

/** By the owner's session id. */
export const companionTracks = new Map<string, CompanionTrack>();

/** The track of the companion `companionId` (tracks are keyed by owner session, so this searches). */
export function companionTrackById(companionId: string): CompanionTrack | undefined {
  for (const track of companionTracks.values()) if (track.id === companionId) return track;
  return undefined;
}
