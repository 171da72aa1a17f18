import type { RefObject } from "react";
import { Container, Text, type VanillaContainer } from "@react-three/uikit";
import { useHeightSetting } from "../heightSetting";
import { DEFAULT_SEATED_EYE_HEIGHT } from "../viewHeight";
import { xrStatus } from "../xrStatus";
import { PanelButton } from "./PanelButton";

/** The panel's height row: seated or standing, calibrate the eye height now, forget the calibration. */
export function HeightControls({ buttons }: { buttons: Record<"heightMode" | "calibrateHeight" | "resetHeight", RefObject<VanillaContainer | null>> }) {
  const mode = useHeightSetting((s) => s.mode);
  const calibrated = useHeightSetting((s) => (s.mode === "seated" ? s.seatedEyeHeight : s.standingEyeHeight));
  const refusal = useHeightSetting((s) => s.refusal);
  const notice = useHeightSetting((s) => s.notice);
  const setting = useHeightSetting.getState;
  return (
    <Container flexDirection="column" gap={4}>
      <Container flexDirection="row" flexWrap="wrap" gap={6}>
        <PanelButton ref={buttons.heightMode} label="Seated" active={mode === "seated"} onPress={() => setting().setMode(mode === "seated" ? "standing" : "seated")} />
        {/* The headset's height above the real floor now (the view's own offset left out). */}
        <PanelButton ref={buttons.calibrateHeight} label="Calibrate height" onPress={() => setting().calibrate(xrStatus.height.trackedEyeY)} />
        <PanelButton ref={buttons.resetHeight} label="Reset height" onPress={() => setting().reset()} />
      </Container>
      <Text fontSize={11} color={refusal || notice ? "#f0b37e" : "#8e98b3"}>
        {refusal || notice || describe(mode, calibrated)}
      </Text>
    </Container>
  );
}

function describe(mode: "standing" | "seated", calibrated: number | null): string {
  if (mode === "seated") {
    return calibrated === null
      ? `Seated: eyes at ${DEFAULT_SEATED_EYE_HEIGHT.toFixed(2)} m assumed; sit straight and calibrate`
      : `Seated: calibrated at ${calibrated.toFixed(2)} m`;
  }
  return calibrated === null ? "Standing: real height; stand straight and calibrate" : `Standing: calibrated at ${calibrated.toFixed(2)} m`;
}
