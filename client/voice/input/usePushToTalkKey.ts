import { useEffect } from "react";
import { isTextEntryTarget } from "../../player";
import { useVoiceInput } from "./useVoiceInput";

/** Hold V to talk: free of walking (WASD, QE, Shift), chat (Enter) and the panels (P, M). */
export const PUSH_TO_TALK_KEY = "KeyV";

/** Push-to-talk on the keyboard: held anywhere but in a text field; let go, or leave the window, to send. */
export function usePushToTalkKey(): void {
  useEffect(() => {
    const down = (event: KeyboardEvent) => {
      if (event.code !== PUSH_TO_TALK_KEY || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntryTarget(event.target)) return;
      event.preventDefault();
      useVoiceInput.getState().startPushToTalk();
    };
    const up = (event: KeyboardEvent) => {
      if (event.code === PUSH_TO_TALK_KEY) useVoiceInput.getState().stopPushToTalk();
    };
    // A key-up that happens in another window never arrives.
    const release = () => useVoiceInput.getState().stopPushToTalk();
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", release);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", release);
    };
  }, []);
}
