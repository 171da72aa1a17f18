export { SpeechUnavailableError, type SpeechRecognizer } from "./speechRecognizer";
export { createSpeechRecognizer, type SpeechRecognizerOptions } from "./createSpeechRecognizer";
export type { WhisperLoader, WhisperLoadOptions, WhisperModel } from "./whisperModel";
