import { ClientMessage, ServerMessage, type ErrorEvent } from "../../../shared/protocol";
import type { VoiceTranscriptEvent } from "../../../shared/speech";
import type { WorldRoom } from "../../net";
import { watchSpeechStatus } from "./speechStatus";
import { useVoiceInput } from "./useVoiceInput";

const VOICE_MESSAGES: ReadonlySet<string> = new Set([ClientMessage.VoiceStart, ClientMessage.VoiceSegment]);

/** What the server heard (or refused) of this player's speech, and whether it can hear at all. */
export function bindVoiceInput(room: WorldRoom): () => void {
  const stopTranscripts = room.onMessage(ServerMessage.VoiceTranscript, (event: VoiceTranscriptEvent) => useVoiceInput.getState().heard(event.text));
  const stopErrors = room.onMessage(ServerMessage.Error, (event: ErrorEvent) => {
    if (VOICE_MESSAGES.has(event.type)) useVoiceInput.getState().refused(event);
  });
  const stopWatching = watchSpeechStatus((asr) => useVoiceInput.getState().setAvailability(asr));
  return () => {
    stopTranscripts();
    stopErrors();
    stopWatching();
  };
}
