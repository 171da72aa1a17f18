import { lazy, Suspense, type ReactNode } from "react";
import { XR } from "@react-three/xr";
import type { PortalEvent } from "../../shared/protocol";
import { useXrPresenting } from "./xrStatus";
import { xrStore } from "./xrStore";

const XrSession = lazy(() => import("./XrSession"));

/**
 * Wraps the scene in the XR context. Outside a session nothing changes; inside one the
 * headset-driven player (and its panel, whose portal buttons call `onTravel`) takes over from
 * the keyboard one, loaded the first time a session starts.
 */
export function XrScene({ children, onTravel }: { children: ReactNode; onTravel: (event: PortalEvent) => void }) {
  const presenting = useXrPresenting();
  return (
    <XR store={xrStore}>
      {children}
      {presenting && (
        <Suspense fallback={null}>
          <XrSession onTravel={onTravel} />
        </Suspense>
      )}
    </XR>
  );
}
