export { bindVoiceInput } from "./bindVoiceInput";
export { listeningStatus, type ListeningStatus } from "./listeningStatus";
export { MicButton } from "./MicButton";
export { PUSH_TO_TALK_KEY } from "./usePushToTalkKey";
export { useVoiceInput } from "./useVoiceInput";
export type { ListeningState, VoiceInputState, VoiceMode } from "./voiceInputStore";
