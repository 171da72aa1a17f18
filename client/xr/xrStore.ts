import { createXRStore } from "@react-three/xr";

/**
 * Controller and hand models come from @webxr-input-profiles/assets served by Kindred itself,
 * never from a CDN (a headset on a LAN may have no internet). The loader resolves profile paths
 * with `new URL`, so the base must be absolute.
 */
export const INPUT_PROFILES_PATH = "/xr/input-profiles/";

/** Fixed foveation for Quest: the periphery costs less fill rate, where the lens blurs it anyway. */
const FOVEATION = 0.5;

/**
 * Nothing in Kindred is grabbed: the panel is pressed with a ray (or a fingertip), so the grab
 * pointers' per-frame sphere tests against the scene would be spent for nothing.
 */
const POINTERS = { grabPointer: false } as const;

/**
 * The page's one XR store. Emulation is off: a browser without WebXR shows no XR buttons, and
 * tests install their own runtime (iwer) before the page loads. The reference space is
 * local-floor (the library's default), so a seated or standing person sees the world from their
 * real eye height above the floor.
 */
export const xrStore = createXRStore({
  emulate: false,
  offerSession: false,
  foveation: FOVEATION,
  controller: POINTERS,
  hand: POINTERS,
  baseAssetPath: new URL(INPUT_PROFILES_PATH, window.location.href).href,
});
