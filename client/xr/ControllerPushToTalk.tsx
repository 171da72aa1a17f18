import { useEffect } from "react";
import { useFrame } from "@react-three/fiber";
import { FRAME_ORDER } from "../frame/order";
import { useVoiceInput } from "../voice/input";
import { xrStatus } from "./xrStatus";

/** xr-standard mapping of a Quest controller: buttons[4] is X on the left one (A on the right). */
const X_BUTTON = 4;

/** Whether the left controller's X button is held in this frame's input. */
function xHeld(sources: XRInputSourceArray): boolean {
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    if (source.handedness === "left" && source.gamepad) return source.gamepad.buttons[X_BUTTON]?.pressed ?? false;
  }
  return false;
}

/**
 * Push-to-talk in the headset: hold the left controller's X button to talk, let go to send
 * (the right hand keeps turning and teleporting). Same store as the desktop's key and button.
 */
export function ControllerPushToTalk() {
  useFrame((_, __, frame: XRFrame | undefined) => {
    if (!frame) return;
    const held = xHeld(frame.session.inputSources);
    if (held === xrStatus.pushToTalkHeld) return;
    xrStatus.pushToTalkHeld = held;
    const voice = useVoiceInput.getState();
    if (held) voice.startPushToTalk();
    else voice.stopPushToTalk();
  }, FRAME_ORDER.simulate);

  useEffect(
    () => () => {
      if (!xrStatus.pushToTalkHeld) return;
      xrStatus.pushToTalkHeld = false;
      useVoiceInput.getState().stopPushToTalk();
    },
    [],
  );
  return null;
}
