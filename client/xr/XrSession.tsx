import type { PortalEvent } from "../../shared/protocol";
import { ArBackdrop } from "./ArBackdrop";
import { ControllerPushToTalk } from "./ControllerPushToTalk";
import { XrPanel } from "./panel/XrPanel";
import { XrFrameBudget } from "./XrFrameBudget";
import { XrPlayer } from "./XrPlayer";
import { useXrMode } from "./xrStatus";

/**
 * Everything that runs only inside a headset session: the tracked player with its panel,
 * push-to-talk on the controller, the frame budget, and passthrough's missing sky. Loaded on
 * demand (its own chunk, with uikit and its fonts), so the desktop never downloads it.
 */
export default function XrSession({ onTravel }: { onTravel: (event: PortalEvent) => void }) {
  const mode = useXrMode();
  return (
    <>
      <XrPlayer>
        <XrPanel onTravel={onTravel} />
      </XrPlayer>
      <ControllerPushToTalk />
      <XrFrameBudget />
      {mode === "ar" && <ArBackdrop />}
    </>
  );
}
