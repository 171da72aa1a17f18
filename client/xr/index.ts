export { XrScene } from "./XrScene";
export { EnterXrButtons } from "./EnterXrButtons";
export { useXrPresenting, xrStatus, type XrMode, type XrStatus } from "./xrStatus";
export { xrStore, INPUT_PROFILES_PATH } from "./xrStore";
export { VIGNETTE_SETTING_KEY } from "./comfortSetting";
