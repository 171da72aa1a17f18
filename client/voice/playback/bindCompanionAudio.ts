import { ServerMessage, type CompanionDoneEvent } from "../../../shared/protocol";
import { companionTrackById } from "../../companions";
import type { WorldRoom } from "../../net";
import { parseAudioChunk, parseAudioStop } from "./audioMessages";
import { audioOutput } from "./audioOutput";
import { companionHead } from "./companionHead";
import { CompanionVoice } from "./companionVoice";
import { publishPlaying, useVoicePlayback } from "./voicePlaybackStore";
import { companionVoices } from "./voiceRegistry";
import { voicePlaybackStatus } from "./voiceStatus";

const head = { x: 0, y: 0, z: 0 };

function voiceOf(companionId: string): CompanionVoice | null {
  const existing = companionVoices.get(companionId);
  if (existing) return existing;
  const output = audioOutput();
  if (!output) return null;
  const muted = useVoicePlayback.getState().muted[companionId] ?? false;
  const voice = new CompanionVoice(companionId, output, muted, publishPlaying);
  companionVoices.set(companionId, voice);
  voicePlaybackStatus.companions[companionId] = voice.view;
  return voice;
}

/** A message the server should never send is reported and changes nothing. */
function refuse(problem: unknown): void {
  console.warn(problem instanceof Error ? problem.message : String(problem));
}

/**
 * Plays companions' speech in this room: each `companion:audio` chunk queued on its
 * companion's voice, `companion:audio-stop` and an interrupted reply silencing it at once.
 */
export function bindCompanionAudio(room: WorldRoom): () => void {
  const stopChunks = room.onMessage(ServerMessage.CompanionAudio, (message: unknown) => {
    try {
      const chunk = parseAudioChunk(message);
      const track = companionTrackById(chunk.companionId);
      // A companion not (or no longer) in this room has nowhere to speak from.
      if (!track) return;
      voiceOf(chunk.companionId)?.enqueue(chunk, track.driver, companionHead(track, head));
    } catch (problem) {
      refuse(problem);
    }
  });
  const stopStops = room.onMessage(ServerMessage.CompanionAudioStop, (message: unknown) => {
    try {
      const event = parseAudioStop(message);
      companionVoices.get(event.companionId)?.stopUtterance(event.utteranceId);
    } catch (problem) {
      refuse(problem);
    }
  });
  const stopDone = room.onMessage(ServerMessage.CompanionDone, (event: CompanionDoneEvent) => {
    if (event.interrupted) companionVoices.get(event.companionId)?.stop("reply-interrupted");
  });
  return () => {
    stopChunks();
    stopStops();
    stopDone();
    for (const [companionId, voice] of companionVoices) {
      voice.dispose();
      delete voicePlaybackStatus.companions[companionId];
    }
    companionVoices.clear();
  };
}
