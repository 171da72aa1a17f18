import type { VisemeCue } from "../../../shared/speech";

/** How many started chunks each companion's view remembers. */
export const STARTED_KEPT = 64;

/**
 * Why speech was cut off: the server's `companion:audio-stop`, a reply ended as interrupted,
 * `stopCompanion` (barge-in), or the companion left the room.
 */
export type StopReason = "audio-stop" | "reply-interrupted" | "stopped" | "left";

/** One chunk that began to sound, on the AudioContext's clock. */
export interface StartedChunk {
  utteranceId: number;
  seq: number;
  sentenceSeq: number;
  start: number;
  end: number;
}

/** One companion's voice as `window.__kindred.voice` shows it; updated in place. */
export interface CompanionVoiceView {
  /** Chunks that arrived, chunks that began to sound, chunks refused (stale, silenced, repeated). */
  received: number;
  played: number;
  dropped: number;
  /** Times its speech was cut off while something was queued or sounding, and why the last time. */
  stops: number;
  lastStop: StopReason | "";
  /** The utterance the last stop cut off; -1 before any. */
  lastStoppedUtterance: number;
  playing: boolean;
  muted: boolean;
  /** The utterance being played (or last played); -1 before any. */
  utteranceId: number;
  /** The audio clock as heard (s), read in the same frame as the mouth's last update. */
  clock: number;
  /** The last viseme timeline given to the mouth, the start of its chunk on `clock`, and that chunk's seq. */
  timeline: readonly VisemeCue[];
  timelineStart: number;
  timelineSeq: number;
  /** The last chunks that began to sound, oldest first. */
  started: StartedChunk[];
  /** Where its sound comes from (world space): its head while it speaks. */
  source: { x: number; y: number; z: number };
  /** Peak of what this voice sent to the speakers over the last ~90 ms, after muting (0 = silent); measured when read. */
  readonly level: number;
}

export interface VoicePlaybackStatus {
  /** The AudioContext's state; "none" until a gesture or the first chunk opened it. */
  audio: AudioContextState | "none";
  /** Where the listener is (the camera), and its right-hand direction (world space), as of the last frame. */
  listener: { x: number; y: number; z: number; right: { x: number; y: number; z: number } };
  /** Peaks of everything sent to the left and the right speaker now (0 = silent); measured when read. */
  ears: { readonly left: number; readonly right: number };
  /** By companion id: every companion heard in this room. */
  companions: Record<string, CompanionVoiceView>;
}

/** The single record, written only by the playback module. */
export const voicePlaybackStatus: VoicePlaybackStatus = {
  audio: "none",
  listener: { x: 0, y: 0, z: 0, right: { x: 1, y: 0, z: 0 } },
  ears: { left: 0, right: 0 },
  companions: {},
};
