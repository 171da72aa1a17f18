import { useFrame } from "@react-three/fiber";
import { FRAME_ORDER } from "../frame/order";
import { localPlayer } from "../player";
import { useHeightSetting } from "./heightSetting";
import { xrStatus } from "./xrStatus";

/**
 * Copies the height setting and where the rendered eyes are (the headset camera's world height
 * above the feet, as three.js placed it this frame) into xrStatus.height for the automation handle.
 */
export function ViewHeightProbe() {
  useFrame(({ camera }) => {
    const height = xrStatus.height;
    const setting = useHeightSetting.getState();
    height.mode = setting.mode;
    height.standingEyeHeight = setting.standingEyeHeight;
    height.seatedEyeHeight = setting.seatedEyeHeight;
    height.refusal = setting.refusal;
    height.notice = setting.notice;
    height.eyeY = camera.matrixWorld.elements[13]! - localPlayer.y;
  }, FRAME_ORDER.probe);
  return null;
}
