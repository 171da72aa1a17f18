export { CompanionVoice, type CompanionVoiceDeps } from "./companionVoice";
export { fromPcm16, toPcm16 } from "./pcm16";
export { MAX_CHUNK_S, speechChunks, type SpeechChunk } from "./speechChunks";
