import { useFrame } from "@react-three/fiber";
import { FRAME_ORDER } from "../frame/order";
import { ChatBubble } from "./ChatBubble";
import { INTERPOLATION_DELAY_MS } from "./interpolation";
import { NameTag } from "./NameTag";
import { PersonBody } from "./PersonBody";
import type { Person, RemoteTrack } from "./peopleStore";
import { userColor } from "./userColor";

/** Someone else, drawn a little in the past so their movement is smooth. */
export function RemotePerson({ person, track }: { person: Person; track: RemoteTrack }) {
  const color = userColor(person.userId);
  const shown = track.shown;

  useFrame((_, delta) => {
    const px = shown.x;
    const pz = shown.z;
    track.buffer.sample(performance.now() - INTERPOLATION_DELAY_MS, shown);
    shown.pitch = track.pitch;
    const speed = delta > 0 ? Math.hypot(shown.x - px, shown.z - pz) / delta : 0;
    // Smoothed so the walk cycle does not flicker between interpolation segments.
    shown.speed += (speed - shown.speed) * Math.min(1, delta * 10);
  }, FRAME_ORDER.simulate);

  return (
    <PersonBody pose={shown} color={color} faded={!person.connected}>
      <NameTag name={person.name} color={color} away={!person.connected} />
      <ChatBubble userId={person.userId} />
    </PersonBody>
  );
}
