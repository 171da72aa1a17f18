import type { ReactNode } from "react";
import { XR } from "@react-three/xr";
import { XrPlayer } from "./XrPlayer";
import { useXrPresenting } from "./xrStatus";
import { xrStore } from "./xrStore";

/**
 * Wraps the scene in the XR context. Outside a session nothing changes; inside one the
 * headset-driven player takes over from the keyboard one.
 */
export function XrScene({ children }: { children: ReactNode }) {
  const presenting = useXrPresenting();
  return (
    <XR store={xrStore}>
      {children}
      {presenting && <XrPlayer />}
    </XR>
  );
}
