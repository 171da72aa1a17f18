export { bindCompanions } from "./bindCompanions";
export { bindCompanionSpeech } from "./bindCompanionSpeech";
export { Companions } from "./Companions";
export { companionTracks, useCompanions, type CompanionTrack } from "./companionStore";
