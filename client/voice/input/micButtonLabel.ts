import type { VoiceInputState } from "./voiceInputStore";

/** What the mic button says, from the voice input's state. */
export function micButtonLabel(input: Pick<VoiceInputState, "mode" | "state" | "starting">, keyName: string): string {
  switch (input.state) {
    case "unavailable":
      return "Speech recognition unavailable";
    case "speaking":
      return "Hearing you…";
    case "sending":
      return "Sending…";
    case "listening":
      return input.mode === "hands-free" ? "Listening — just speak" : "Opening the microphone…";
    case "idle":
      if (input.mode === "push-to-talk") return `Hold ${keyName} to talk`;
      return input.starting ? "Starting the microphone…" : "Microphone off";
  }
}
