import { useEffect, type RefObject } from "react";
import { useFrame } from "@react-three/fiber";
import { Vector3, type Object3D } from "three";
import type { VanillaContainer } from "@react-three/uikit";
import { useDoNotDisturb } from "../../companions";
import { FRAME_ORDER } from "../../frame/order";
import { useVoicePlayback } from "../../voice/playback";
import { xrStatus, type PanelTarget } from "../xrStatus";

const at = new Vector3();
const TARGETS: readonly PanelTarget[] = ["mute", "doNotDisturb", "heightMode", "calibrateHeight", "resetHeight"];

/** What the in-VR panel shows and where its buttons are, copied into xrStatus.panel for the automation handle. */
export function usePanelStatus(
  placement: RefObject<Object3D | null>,
  root: RefObject<VanillaContainer | null>,
  buttons: Record<PanelTarget, RefObject<Object3D | null>>,
): void {
  const muted = useVoicePlayback((s) => s.muted);
  const wanted = useDoNotDisturb((s) => s.wanted);
  const on = useDoNotDisturb((s) => s.on);
  const panel = xrStatus.panel;

  useEffect(() => {
    panel.muted = Object.keys(muted).filter((id) => muted[id]);
  }, [muted]);
  useEffect(() => {
    panel.doNotDisturb.wanted = wanted;
    panel.doNotDisturb.on = on;
  }, [wanted, on]);
  useEffect(
    () => () => {
      panel.pointed = 0;
      panel.width = 0;
      panel.height = 0;
    },
    [],
  );

  useFrame(() => {
    const size = root.current?.size.value;
    panel.width = size?.[0] ?? 0;
    panel.height = size?.[1] ?? 0;
    // The panel's placement group rides in the XR origin, whose frame is the tracked space.
    const origin = placement.current?.parent ?? null;
    for (let i = 0; i < TARGETS.length; i++) target(buttons[TARGETS[i]!].current, origin, panel.targets[TARGETS[i]!]);
  }, FRAME_ORDER.probe);
}

/** A button's centre in the XR origin's frame. */
function target(button: Object3D | null, origin: Object3D | null, out: { x: number; y: number; z: number }): void {
  if (!button || !origin) return;
  button.getWorldPosition(at);
  origin.worldToLocal(at);
  out.x = at.x;
  out.y = at.y;
  out.z = at.z;
}
