import { ClientMessage } from "../../../shared/protocol";
import { VOICE_SEGMENT_SAMPLE_RATE, type VoiceSegmentMessage } from "../../../shared/speech";
import { useCompanions } from "../../companions";
import { useConnection } from "../../net";
import { useVoicePlayback } from "../playback";
import { startDetector } from "./handsFreeDetector";
import { startRecording } from "./pushToTalkRecorder";
import { createVoiceInputStore } from "./voiceInputStore";

function sendToRoom(type: string, message: object): boolean {
  const { room, status } = useConnection.getState();
  if (!room || status !== "connected") return false;
  room.send(type, message);
  return true;
}

/** Barge-in on this side: the own companion's voice stops here at once, before the server's stop arrives. */
function silenceOwnCompanion(): void {
  const room = useConnection.getState().room;
  const companionId = room ? useCompanions.getState().companions[room.sessionId]?.id : undefined;
  if (companionId) useVoicePlayback.getState().stopCompanion(companionId);
}

/** The page's one voice input: the microphone, the detector and the room it speaks to. */
export const useVoiceInput = createVoiceInputStore({
  startRecording,
  startDetector,
  sendStart: () => sendToRoom(ClientMessage.VoiceStart, {}),
  sendSegment: (pcm) => sendToRoom(ClientMessage.VoiceSegment, { sampleRate: VOICE_SEGMENT_SAMPLE_RATE, pcm } satisfies VoiceSegmentMessage),
  silenceOwnCompanion,
});
