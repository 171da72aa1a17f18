import { useEffect } from "react";
import { useCompanions, useDoNotDisturb } from "../../companions";
import { useVoicePlayback } from "../../voice/playback";
import { muteOthers } from "./muteOthers";

/**
 * While do-not-disturb is on, mutes every companion but the person's own (`ownSession` is the
 * owner's session id), including ones arriving later; turning it off, or leaving the headset,
 * unmutes just those it muted. Captions are hidden by the companions' own bubbles.
 */
export function useDoNotDisturbMuting(ownSession: string | undefined): void {
  const on = useDoNotDisturb((s) => s.on);
  const companions = useCompanions((s) => s.companions);

  useEffect(() => {
    if (!on) return;
    return muteOthers(companions, ownSession, useVoicePlayback.getState);
  }, [on, companions, ownSession]);

  // Do not disturb belongs to the headset session: the desktop view starts with everyone audible.
  useEffect(() => () => useDoNotDisturb.getState().setOn(false), []);
}
