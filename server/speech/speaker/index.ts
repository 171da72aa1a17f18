export { CompanionVoice, STOP_GRACE_MS, type CompanionVoiceDeps } from "./companionVoice";
export { MAX_CHUNK_S, speechChunks, type SpeechChunk } from "./speechChunks";
