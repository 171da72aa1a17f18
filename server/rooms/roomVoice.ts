import type { PersonaBlueprint } from "../../shared/persona";
import type { Logger } from "../logging";
import { CompanionVoice, type SpeechRequest, type TtsEngine } from "../speech";
import type { ReplyOutlet } from "./replyBroadcast";

/** How a persona speaks: its voice, speed and language. */
export function speechRequestOf(persona: PersonaBlueprint): SpeechRequest {
  return { voice: persona.voice.id, speed: persona.voice.speed, language: persona.language };
}

/** A companion's voice in this room, or none when the server speaks no words aloud. */
export function roomVoice(engine: TtsEngine | undefined, outlet: ReplyOutlet, companionId: string, persona: () => PersonaBlueprint, log: Logger): CompanionVoice | undefined {
  if (!engine) return undefined;
  return new CompanionVoice({ engine, companionId, request: () => speechRequestOf(persona()), broadcast: outlet.broadcast, log });
}
