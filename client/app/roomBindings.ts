import { ServerMessage, type PortalEvent } from "../../shared/protocol";
import { bindChatLog } from "../automation";
import { bindChat, bindCompanionReplies } from "../chat";
import { bindCompanions, bindCompanionSpeech } from "../companions";
import { bindEveryRoom, leaveWhenPageCloses } from "../net";
import { bindPeople } from "../people";
import { bindMoveCorrections } from "../player";
import { bindVoiceInput } from "../voice/input";
import { bindCompanionAudio, unlockAudioOnFirstGesture } from "../voice/playback";
import { travel } from "./session";

let installed = false;

/** Wires every joined room to the features that listen to it, and leaves when the page closes. */
export function installRoomBindings(): void {
  if (installed) return;
  installed = true;
  bindEveryRoom(bindPeople);
  bindEveryRoom(bindChat);
  bindEveryRoom(bindCompanionReplies);
  bindEveryRoom(bindCompanions);
  bindEveryRoom(bindCompanionSpeech);
  bindEveryRoom(bindCompanionAudio);
  bindEveryRoom(bindVoiceInput);
  bindEveryRoom(bindChatLog);
  bindEveryRoom(bindMoveCorrections);
  bindEveryRoom((room) => room.onMessage(ServerMessage.Portal, (event: PortalEvent) => void travel(event)));
  leaveWhenPageCloses();
  // Before any room: the name screen's join click is the gesture that lets speech play.
  unlockAudioOnFirstGesture();
}
