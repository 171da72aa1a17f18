import { create } from "zustand";
import { CALIBRATION_MAX_M, CALIBRATION_MIN_M, loadHeight, saveHeight, type HeightMode, type StoredHeight } from "./heightStorage";

interface HeightSettingState extends StoredHeight {
  /** Why the last calibration was refused ("" when it was not). */
  refusal: string;
  /** What changed without being asked for (seated mode left because the wearer stood up), until the next choice. */
  notice: string;
  setMode(mode: HeightMode): void;
  /** The wearer stood up in seated mode (StandUpWatch): standing from now on, and the panel says why. */
  stoodUp(): void;
  /**
   * Records `eyeHeight` (the headset's height above the floor now) as the eye height of the
   * current mode. A height no eye could be at is refused: `refusal` says why, nothing changes.
   * Returns whether it was recorded.
   */
  calibrate(eyeHeight: number): boolean;
  /** Forgets the current mode's calibration (back to the estimate, or the standard seated height). */
  reset(): void;
}

const stored = loadHeight();

/** Seated or standing, and the calibrated eye heights: chosen on the in-VR panel, kept in this browser. */
export const useHeightSetting = create<HeightSettingState>((set, get) => {
  const save = () => {
    const { mode, standingEyeHeight, seatedEyeHeight } = get();
    saveHeight({ mode, standingEyeHeight, seatedEyeHeight });
  };
  return {
    ...stored,
    refusal: "",
    notice: "",
    setMode(mode) {
      if (mode !== "standing" && mode !== "seated") throw new Error(`the height mode must be "standing" or "seated", got ${JSON.stringify(mode)}`);
      set({ mode, refusal: "", notice: "" });
      save();
    },
    stoodUp() {
      set({ mode: "standing", refusal: "", notice: "Standing: you stood up. Press Seated when you sit again" });
      save();
    },
    calibrate(eyeHeight) {
      if (!(eyeHeight >= CALIBRATION_MIN_M && eyeHeight <= CALIBRATION_MAX_M)) {
        const at = Number.isFinite(eyeHeight) ? `${eyeHeight.toFixed(2)} m` : "not tracked";
        set({ notice: "", refusal: `Not calibrated: the headset is ${at}; put it on and ${get().mode === "seated" ? "sit" : "stand"} straight (${CALIBRATION_MIN_M}-${CALIBRATION_MAX_M} m)` });
        return false;
      }
      set(get().mode === "seated" ? { seatedEyeHeight: eyeHeight, refusal: "", notice: "" } : { standingEyeHeight: eyeHeight, refusal: "", notice: "" });
      save();
      return true;
    },
    reset() {
      set(get().mode === "seated" ? { seatedEyeHeight: null, refusal: "", notice: "" } : { standingEyeHeight: null, refusal: "", notice: "" });
      save();
    },
  };
});
