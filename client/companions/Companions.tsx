import { NotPointable } from "../world";
import { CompanionBody } from "./CompanionBody";
import { companionTracks, useCompanions } from "./companionStore";

/** Every companion in the room, the local player's and everyone else's. */
export function Companions() {
  const companions = useCompanions((s) => s.companions);
  return (
    <NotPointable>
      {Object.entries(companions).map(([ownerSession, info]) => {
        const track = companionTracks.get(ownerSession);
        return track ? <CompanionBody key={ownerSession} info={info} track={track} /> : null;
      })}
    </NotPointable>
  );
}
