import { useEffect, useState } from "react";
import type { Portal } from "../../shared/world";
import { usePeople } from "../people";
import { localPlayer } from "../player";
import { CompanionVoiceControls } from "../voice/playback";
import { useWorld } from "../world";
import { ModelProgress } from "./ModelProgress";
import { nearestPortal } from "./nearestPortal";

const PORTAL_HINT_RANGE = 9;

/** Where you are, who is here, and what the portal ahead leads to. */
export function WorldHud() {
  const world = useWorld((s) => s.world);
  const assetProblems = useWorld((s) => s.assetProblems);
  const others = usePeople((s) => Object.keys(s.people).length);
  const [portal, setPortal] = useState<Portal | null>(null);

  useEffect(() => {
    if (!world) return;
    // A few checks a second are plenty for a hint, and keep React out of the frame loop.
    const timer = setInterval(() => {
      setPortal(nearestPortal(world.portals, localPlayer.x, localPlayer.z, PORTAL_HINT_RANGE));
    }, 250);
    return () => clearInterval(timer);
  }, [world]);

  if (!world) return null;
  return (
    <div className="hud-top-left">
      <div className="panel world-card" data-testid="world-name">
        <div className="world-name">{world.name}</div>
        {world.description && <div className="world-description">{world.description}</div>}
        <div className="world-people">
          {others === 0 ? "Nobody else is here yet" : others === 1 ? "1 other person here" : `${others} other people here`}
        </div>
      </div>
      <ModelProgress />
      <CompanionVoiceControls />
      {assetProblems.length > 0 && (
        <div className="panel asset-problem" role="alert">
          Some scenery could not be loaded: {assetProblems.join(", ")}
        </div>
      )}
      {portal && (
        <div className="panel portal-hint" style={{ borderColor: portal.color }}>
          <span style={{ color: portal.color }}>◈</span> {portal.label} — walk into the ring to travel
        </div>
      )}
    </div>
  );
}
