export { KokoroEngine, createKokoroEngine, type KokoroEngineOptions } from "./kokoroEngine";
export { kokoroModelFiles, kokoroModelPresent, loadKokoro, type KokoroDtype, type KokoroModelOptions, type LoadKokoroOptions } from "./kokoroModel";
export { BRITISH_DEFAULT_VOICE, DEFAULT_VOICE, chooseKokoroVoice, type VoiceChoice } from "./kokoroVoices";
