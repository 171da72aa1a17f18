import { z } from "zod";

/** localStorage key of the headset height setting (seated or standing, and the calibrated eye heights). */
export const HEIGHT_SETTING_KEY = "kindred.xr.height";

/** The lowest and highest eye height a calibration accepts (m above the floor): a headset on a desk, or held up high, is no eye height. */
export const CALIBRATION_MIN_M = 0.5;
export const CALIBRATION_MAX_M = 2.5;

const EyeHeight = z.number().min(CALIBRATION_MIN_M).max(CALIBRATION_MAX_M).nullable();

export const StoredHeight = z.object({
  /** "seated": the view is raised to the avatar's standing eye height; "standing": the real eye height counts. */
  mode: z.enum(["standing", "seated"]),
  /** The eye height recorded by "Calibrate height" in each mode (null: not calibrated). */
  standingEyeHeight: EyeHeight,
  seatedEyeHeight: EyeHeight,
});
export type StoredHeight = z.infer<typeof StoredHeight>;
export type HeightMode = StoredHeight["mode"];

export const DEFAULT_HEIGHT: StoredHeight = { mode: "standing", standingEyeHeight: null, seatedEyeHeight: null };

/** The setting as this browser keeps it; a missing entry is the default, a damaged one too (with a warning saying why). */
export function loadHeight(): StoredHeight {
  let raw: string | null;
  try {
    raw = localStorage.getItem(HEIGHT_SETTING_KEY);
  } catch {
    // No storage (private mode, policies): standing, uncalibrated.
    return { ...DEFAULT_HEIGHT };
  }
  if (raw === null) return { ...DEFAULT_HEIGHT };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    console.warn(`${HEIGHT_SETTING_KEY} is not JSON; the height setting starts afresh (standing, not calibrated)`);
    return { ...DEFAULT_HEIGHT };
  }
  const parsed = StoredHeight.safeParse(json);
  if (!parsed.success) {
    console.warn(`${HEIGHT_SETTING_KEY} is damaged (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}); the height setting starts afresh`);
    return { ...DEFAULT_HEIGHT };
  }
  return parsed.data;
}

export function saveHeight(stored: StoredHeight): void {
  try {
    localStorage.setItem(HEIGHT_SETTING_KEY, JSON.stringify(stored));
  } catch {
    // Storage refused: the setting holds for this visit only.
  }
}
