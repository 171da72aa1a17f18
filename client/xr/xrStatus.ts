import { useSyncExternalStore } from "react";
import type { StanceKind } from "../people";
import type { HeightMode } from "./heightStorage";
import { xrStore } from "./xrStore";

export type XrMode = "vr" | "ar" | "";

export interface XrStatus {
  /** immersive-vr can be entered in this browser. */
  supported: boolean;
  /** immersive-ar (passthrough) can be entered. */
  arSupported: boolean;
  presenting: boolean;
  mode: XrMode;
  /** The teleport aim: being aimed, where the arc lands, whether it may go there, and if not why. */
  teleport: { aiming: boolean; valid: boolean; x: number; z: number; refusal: string };
  /**
   * The in-VR panel: its laid-out size (uikit pixels; 0 while not shown); the companions muted
   * now (by the person or do-not-disturb) and do-not-disturb's state; where its mute and
   * do-not-disturb buttons are (tracked space, metres: where a controller is held to press one);
   * and how many controller rays are on it (the right trigger then presses, not teleports).
   */
  panel: {
    width: number;
    height: number;
    muted: string[];
    doNotDisturb: { wanted: boolean; on: boolean };
    targets: Record<PanelTarget, { x: number; y: number; z: number }>;
    pointed: number;
  };
  /** The push-to-talk controller button (left X) is held. */
  pushToTalkHeld: boolean;
  /** Passthrough: the sky and ground are hidden and the background cleared. */
  backdropHidden: boolean;
  /** Sun shadows are off for the headset's frame budget. */
  shadowsOff: boolean;
  /**
   * One's own body in the headset: split for the first-person view, the parts of its VRM the
   * camera draws and hides (the headset's in a session, the desktop's once it ended), and how it
   * holds itself ("" outside a session).
   */
  ownBody: { firstPerson: boolean; drawn: string[]; hidden: string[]; stance: StanceKind | "" };
  /**
   * The view's height: seated or standing, the calibrated eye heights (null: none), how far the
   * view is moved from the real eyes (m), the avatar's own eye height (0 until loaded), the
   * headset's real height above the floor (what a calibration records), the rendered camera's
   * eye height above the feet, why the last calibration was refused, and what changed unasked
   * (seated mode left because the wearer stood up).
   */
  height: {
    mode: HeightMode;
    standingEyeHeight: number | null;
    seatedEyeHeight: number | null;
    viewOffset: number;
    avatarEyeY: number;
    trackedEyeY: number;
    eyeY: number;
    refusal: string;
    notice: string;
  };
}

/** The panel's buttons whose places the automation handle keeps. */
export type PanelTarget = "mute" | "doNotDisturb" | "heightMode" | "calibrateHeight" | "resetHeight";

/** What the headset is doing, for the automation handle. Updated in place, never replaced. */
export const xrStatus: XrStatus = {
  supported: false,
  arSupported: false,
  presenting: false,
  mode: "",
  teleport: { aiming: false, valid: false, x: 0, z: 0, refusal: "" },
  panel: {
    width: 0,
    height: 0,
    muted: [],
    doNotDisturb: { wanted: false, on: false },
    targets: {
      mute: { x: 0, y: 0, z: 0 },
      doNotDisturb: { x: 0, y: 0, z: 0 },
      heightMode: { x: 0, y: 0, z: 0 },
      calibrateHeight: { x: 0, y: 0, z: 0 },
      resetHeight: { x: 0, y: 0, z: 0 },
    },
    pointed: 0,
  },
  pushToTalkHeld: false,
  backdropHidden: false,
  shadowsOff: false,
  ownBody: { firstPerson: false, drawn: [], hidden: [], stance: "" },
  height: { mode: "standing", standingEyeHeight: null, seatedEyeHeight: null, viewOffset: 0, avatarEyeY: 0, trackedEyeY: 0, eyeY: 0, refusal: "", notice: "" },
};

function modeOf(mode: XRSessionMode | null): XrMode {
  if (mode === "immersive-vr") return "vr";
  if (mode === "immersive-ar") return "ar";
  return "";
}

xrStore.subscribe((state) => {
  xrStatus.presenting = state.session != null;
  xrStatus.mode = xrStatus.presenting ? modeOf(state.mode) : "";
});

const supportListeners = new Set<() => void>();
let supportChecked = false;

async function checkSupport(): Promise<void> {
  const xr = typeof navigator === "undefined" ? undefined : navigator.xr;
  if (!xr) return;
  const [vr, ar] = await Promise.all([
    xr.isSessionSupported("immersive-vr").catch(() => false),
    xr.isSessionSupported("immersive-ar").catch(() => false),
  ]);
  xrStatus.supported = vr;
  xrStatus.arSupported = ar;
  supportListeners.forEach((listener) => listener());
}

function subscribeSupport(listener: () => void): () => void {
  supportListeners.add(listener);
  if (!supportChecked) {
    supportChecked = true;
    void checkSupport();
  }
  return () => supportListeners.delete(listener);
}

/** Which immersive modes this browser offers ("vr", "ar", both or none), checked once. */
export function useXrSupport(): { vr: boolean; ar: boolean } {
  const vr = useSyncExternalStore(subscribeSupport, () => xrStatus.supported);
  const ar = useSyncExternalStore(subscribeSupport, () => xrStatus.arSupported);
  return { vr, ar };
}

/** The running session's mode ("" outside one); re-renders when it changes. */
export function useXrMode(): XrMode {
  return useSyncExternalStore(xrStore.subscribe, () => (xrStore.getState().session != null ? modeOf(xrStore.getState().mode) : ""));
}

/** Whether an immersive session is running; re-renders when one starts or ends. */
export function useXrPresenting(): boolean {
  return useSyncExternalStore(xrStore.subscribe, () => xrStore.getState().session != null);
}
