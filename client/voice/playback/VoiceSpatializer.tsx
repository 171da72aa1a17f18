import { useEffect } from "react";
import { useFrame } from "@react-three/fiber";
import { FRAME_ORDER } from "../../frame/order";
import { openedAudioOutput } from "./audioOutput";
import { updateCompanionVoices } from "./updateCompanionVoices";

/**
 * Inside the Canvas: the audio listener rides on whichever camera renders (the third-person
 * one, or the headset's), and every companion's voice follows its head, once a frame.
 */
export function VoiceSpatializer() {
  useFrame(({ camera }) => {
    const output = openedAudioOutput();
    if (output && output.listener.parent !== camera) camera.add(output.listener);
    updateCompanionVoices();
    // Before the avatars update: a chunk that starts now hands its visemes to the mouth before
    // the mouth samples this frame (the heads it follows are then a frame old, inaudibly so).
  }, FRAME_ORDER.camera);
  useEffect(() => () => void openedAudioOutput()?.listener.removeFromParent(), []);
  return null;
}
