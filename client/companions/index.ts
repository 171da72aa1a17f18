export { bindCompanions } from "./bindCompanions";
export { bindCompanionSpeech } from "./bindCompanionSpeech";
export { Companions } from "./Companions";
export { HEAD_HEIGHT } from "./personPosition";
export { useDoNotDisturb } from "./doNotDisturb";
export { companionTrackById, companionTracks, useCompanions, type CompanionTrack } from "./companionStore";
