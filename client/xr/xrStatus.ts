import { useSyncExternalStore } from "react";
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
  /** The in-VR panel's laid-out size (uikit pixels; 0 while not shown). */
  panel: { width: number; height: number };
  /** The push-to-talk controller button (left X) is held. */
  pushToTalkHeld: boolean;
  /** Passthrough: the sky and ground are hidden and the background cleared. */
  backdropHidden: boolean;
  /** Sun shadows are off for the headset's frame budget. */
  shadowsOff: boolean;
}

/** What the headset is doing, for the automation handle. Updated in place, never replaced. */
export const xrStatus: XrStatus = {
  supported: false,
  arSupported: false,
  presenting: false,
  mode: "",
  teleport: { aiming: false, valid: false, x: 0, z: 0, refusal: "" },
  panel: { width: 0, height: 0 },
  pushToTalkHeld: false,
  backdropHidden: false,
  shadowsOff: false,
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
