import { useEffect } from "react";
import { useCompanions, useDoNotDisturb } from "../../companions";
import { useVoicePlayback } from "../../voice/playback";
import { muteOthers, releaseDoNotDisturbMutes } from "./muteOthers";

/**
 * While do-not-disturb is on in this headset session, mutes every companion but the person's own
 * (`ownSession` is the owner's session id), including ones arriving later; turning it off, or
 * leaving the headset, unmutes just those it muted. Captions are hidden by the companions' own
 * bubbles. The choice itself outlives the session (useDoNotDisturb keeps it).
 */
export function useDoNotDisturbMuting(ownSession: string | undefined): void {
  const on = useDoNotDisturb((s) => s.on);
  const companions = useCompanions((s) => s.companions);

  useEffect(() => {
    useDoNotDisturb.getState().setInHeadset(true);
    return () => {
      useDoNotDisturb.getState().setInHeadset(false);
      releaseDoNotDisturbMutes();
    };
  }, []);

  useEffect(() => {
    if (!on) {
      releaseDoNotDisturbMutes();
      return;
    }
    const dnd = useDoNotDisturb.getState();
    const held = muteOthers(companions, ownSession, useVoicePlayback.getState, dnd.muted);
    if (held !== dnd.muted) dnd.setMuted(held);
  }, [on, companions, ownSession]);
}
