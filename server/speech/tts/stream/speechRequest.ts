import type { SpeechRequest } from "../ttsEngine";

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2;

/** Refuses a request no engine can speak, before anything starts. */
export function checkSpeechRequest(request: SpeechRequest): void {
  if (typeof request?.voice !== "string") throw new TypeError("speech voice must be a string (an engine voice id)");
  if (typeof request.language !== "string") throw new TypeError("speech language must be a BCP-47 string such as en");
  if (typeof request.speed !== "number" || !(request.speed >= MIN_SPEED && request.speed <= MAX_SPEED)) {
    throw new RangeError(`speech speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}, got ${String(request.speed)}`);
  }
}
