import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { XR } from "@react-three/xr";
import type { PortalEvent } from "../../shared/protocol";
import { releaseLeftoverDoNotDisturbMutes } from "./panel/muteOthers";
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
  // A page closed during a session with do-not-disturb on left its mutes: the desktop hears everyone.
  useEffect(releaseLeftoverDoNotDisturbMutes, []);
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
