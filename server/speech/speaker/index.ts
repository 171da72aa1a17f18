export { CompanionVoice, type CompanionVoiceDeps } from "./companionVoice";
export { MAX_CHUNK_S, speechChunks, type SpeechChunk } from "./speechChunks";
