export { bindPeople } from "./bindPeople";
export { RemotePeople } from "./RemotePeople";
export { PersonBody } from "./PersonBody";
export { ChatBubble } from "./ChatBubble";
export { usePeople, remoteTracks, type RemoteTrack } from "./peopleStore";
export { userColor } from "./userColor";
