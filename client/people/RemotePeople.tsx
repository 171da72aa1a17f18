import { NotPointable } from "../world";
import { RemotePerson } from "./RemotePerson";
import { remoteTracks, usePeople } from "./peopleStore";

/** Everyone else in the room. */
export function RemotePeople() {
  const people = usePeople((s) => s.people);
  return (
    <NotPointable>
      {Object.entries(people).map(([sessionId, person]) => {
        const track = remoteTracks.get(sessionId);
        return track ? <RemotePerson key={sessionId} person={person} track={track} /> : null;
      })}
    </NotPointable>
  );
}
