/** localStorage key of the comfort vignette setting: "off" turns it off; anything else keeps it on. */
export const VIGNETTE_SETTING_KEY = "kindred.xr.vignette";

/** Whether the comfort vignette darkens the edges of the view during artificial motion (default on). */
export function vignetteEnabled(): boolean {
  try {
    return window.localStorage.getItem(VIGNETTE_SETTING_KEY) !== "off";
  } catch {
    // Storage can be blocked (private mode, policies): the comfortable default applies.
    return true;
  }
}
