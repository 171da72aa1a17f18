import type { VoicePlaybackState } from "../../voice/playback";

/**
 * Mutes every companion but the person's own (`ownSession`: its owner's session id) that is not
 * muted already, and returns how to undo just that: the person's own mutes stay as they were.
 */
export function muteOthers(companions: Record<string, { id: string }>, ownSession: string | undefined, playback: () => VoicePlaybackState): () => void {
  const mutedHere: string[] = [];
  for (const [ownerSession, companion] of Object.entries(companions)) {
    if (ownerSession === ownSession || playback().muted[companion.id]) continue;
    playback().setMuted(companion.id, true);
    mutedHere.push(companion.id);
  }
  return () => {
    for (const id of mutedHere) playback().setMuted(id, false);
  };
}
