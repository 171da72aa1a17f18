export { FormantEngine } from "./formantEngine";
export { fliteVoiceFor, type FliteVoice } from "./fliteVoices";
