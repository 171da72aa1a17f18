import type { CompanionVoice } from "./companionVoice";

/** The voice of every companion heard in the current room, by companion id. */
export const companionVoices = new Map<string, CompanionVoice>();
