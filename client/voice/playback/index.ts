export { bindCompanionAudio } from "./bindCompanionAudio";
export { unlockAudioOnFirstGesture } from "./audioOutput";
export { useVoicePlayback, type VoicePlaybackState } from "./voicePlaybackStore";
export { VoiceSpatializer } from "./VoiceSpatializer";
export { CompanionVoiceControls } from "./CompanionVoiceControls";
export { voicePlaybackStatus, type CompanionVoiceView, type VoicePlaybackStatus, type StartedChunk } from "./voiceStatus";
