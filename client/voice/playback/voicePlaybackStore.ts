import { create } from "zustand";
import { loadMuted, saveMuted } from "./mutedStorage";
import { companionVoices } from "./voiceRegistry";

export interface VoicePlaybackState {
  /** Companions this person muted, by companion id (kept in this browser). */
  muted: Record<string, boolean>;
  /** Companions whose speech is queued or sounding now, by companion id. */
  playing: Record<string, boolean>;
  /** Mutes or unmutes one companion: muted means no sound (its lips still move). */
  setMuted(companionId: string, muted: boolean): void;
  /** Silences a companion at once and drops what it has queued (barge-in). */
  stopCompanion(companionId: string): void;
}

function checkCompanionId(companionId: unknown): asserts companionId is string {
  if (typeof companionId !== "string" || companionId.length === 0) {
    throw new Error(`companionId must be a non-empty string, got ${JSON.stringify(companionId)}`);
  }
}

export const useVoicePlayback = create<VoicePlaybackState>((set, get) => ({
  muted: loadMuted(),
  playing: {},
  setMuted(companionId, muted) {
    checkCompanionId(companionId);
    if (typeof muted !== "boolean") throw new Error(`muted must be true or false, got ${JSON.stringify(muted)}`);
    if ((get().muted[companionId] ?? false) === muted) return;
    const next = { ...get().muted, [companionId]: muted };
    if (!muted) delete next[companionId];
    saveMuted(next);
    set({ muted: next });
    companionVoices.get(companionId)?.setMuted(muted);
  },
  stopCompanion(companionId) {
    checkCompanionId(companionId);
    // The voice reports that it stopped playing through publishPlaying.
    companionVoices.get(companionId)?.stop();
  },
}));

/** Called by a voice when its speech starts or ends, so React only hears about changes. */
export function publishPlaying(companionId: string, playing: boolean): void {
  if ((useVoicePlayback.getState().playing[companionId] ?? false) === playing) return;
  useVoicePlayback.setState((s) => ({ playing: { ...s.playing, [companionId]: playing } }));
}
