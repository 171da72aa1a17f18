import { useEffect, useState } from "react";
import { useCompanions } from "../../companions";
import type { Said } from "../../people";

/** How many of the companion's last sentences the panel shows. */
export const CAPTIONS_KEPT = 3;

/** The last sentences the companion `companionId` said, oldest first (from the companion store's `saying`). */
export function useCaptions(companionId: string | undefined): readonly Said[] {
  const [captions, setCaptions] = useState<readonly Said[]>([]);
  useEffect(() => {
    setCaptions([]);
    if (!companionId) return;
    const take = (said: Said | undefined) => {
      if (!said) return;
      setCaptions((kept) => (kept.some((c) => c.id === said.id) ? kept : [...kept, said].slice(-CAPTIONS_KEPT)));
    };
    take(useCompanions.getState().saying[companionId]);
    return useCompanions.subscribe((state, previous) => {
      if (state.saying[companionId] !== previous.saying[companionId]) take(state.saying[companionId]);
    });
  }, [companionId]);
  return captions;
}
