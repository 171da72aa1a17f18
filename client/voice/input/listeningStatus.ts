import { useVoiceInput } from "./useVoiceInput";
import type { ListeningState, VoiceInputState, VoiceMode } from "./voiceInputStore";

/** The voice input as `window.__kindred.listening` shows it; updated in place on every change. */
export interface ListeningStatus {
  mode: VoiceMode;
  state: ListeningState;
  starting: boolean;
  /** "" when none. */
  reason: string;
  problem: string;
  lastTranscript: string;
  /** Speech starts (barge-ins sent), segments sent, transcripts received. */
  speechStarts: number;
  segmentsSent: number;
  transcripts: number;
}

/** The single record, written only here. */
export const listeningStatus: ListeningStatus = {
  mode: "push-to-talk",
  state: "idle",
  starting: false,
  reason: "",
  problem: "",
  lastTranscript: "",
  speechStarts: 0,
  segmentsSent: 0,
  transcripts: 0,
};

function copy(from: VoiceInputState): void {
  listeningStatus.mode = from.mode;
  listeningStatus.state = from.state;
  listeningStatus.starting = from.starting;
  listeningStatus.reason = from.reason ?? "";
  listeningStatus.problem = from.problem ?? "";
  listeningStatus.lastTranscript = from.lastTranscript ?? "";
  listeningStatus.speechStarts = from.speechStarts;
  listeningStatus.segmentsSent = from.segmentsSent;
  listeningStatus.transcripts = from.transcripts;
}

copy(useVoiceInput.getState());
useVoiceInput.subscribe(copy);
