// The engine itself (./kokoroEngine, which loads kokoro-js) is imported only by the Kokoro child
// process (tts/worker/engines/kokoro.ts): see kokoroModelFiles.ts for why.
export { kokoroModelFiles, kokoroModelPresent, type KokoroDtype, type KokoroModelOptions } from "./kokoroModelFiles";
export { BRITISH_DEFAULT_VOICE, DEFAULT_VOICE, chooseKokoroVoice, type VoiceChoice } from "./kokoroVoices";
