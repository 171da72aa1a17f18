import { useRef } from "react";
import type { Group } from "three";
import { Container, Text, type VanillaContainer } from "@react-three/uikit";
import type { PortalEvent } from "../../../shared/protocol";
import { useCompanions, useDoNotDisturb } from "../../companions";
import { useConnection } from "../../net";
import { useVoiceInput } from "../../voice/input";
import { useVoicePlayback } from "../../voice/playback";
import { useWorld } from "../../world";
import { usePointerTarget } from "../pointerTargets";
import { xrStatus } from "../xrStatus";
import { HeightControls } from "./HeightControls";
import { PanelButton } from "./PanelButton";
import { useCaptions } from "./useCaptions";
import { useDoNotDisturbMuting } from "./useDoNotDisturbMuting";
import { usePanelStatus } from "./usePanelStatus";

/** Where the panel floats in the tracked space: low and to the left, tilted up, within arm's reach. */
const PANEL_POSITION: [number, number, number] = [-0.38, 1.05, -0.5];
const PANEL_ROTATION: [number, number, number] = [-0.4, 0.55, 0];
/** Metres per panel pixel: 320 px make a 48 cm panel. */
const PIXEL_SIZE = 0.0015;

const LISTENING_LABEL: Record<string, string> = {
  idle: "Hold to talk",
  listening: "Listening...",
  speaking: "Hearing you...",
  sending: "Sending...",
  unavailable: "No speech input",
};

/**
 * The in-VR panel, floating beside the person in the headset (it moves and turns with them):
 * hold-to-talk, the companion's last sentences, mute, do-not-disturb, seated or standing with
 * the height calibration, and the portals to the other worlds. Buttons answer the controllers' rays.
 */
export function XrPanel({ onTravel }: { onTravel: (event: PortalEvent) => void }) {
  const placement = useRef<Group>(null);
  const root = useRef<VanillaContainer>(null);
  const muteButton = useRef<VanillaContainer>(null);
  const doNotDisturbButton = useRef<VanillaContainer>(null);
  const heightButtons = {
    heightMode: useRef<VanillaContainer>(null),
    calibrateHeight: useRef<VanillaContainer>(null),
    resetHeight: useRef<VanillaContainer>(null),
  };
  const ownSession = useConnection((s) => s.room?.sessionId);
  const own = useCompanions((s) => (ownSession ? s.companions[ownSession] : undefined));
  const captions = useCaptions(own?.id);
  const listening = useVoiceInput((s) => s.state);
  const muted = useVoicePlayback((s) => (own ? (s.muted[own.id] ?? false) : false));
  const doNotDisturb = useDoNotDisturb((s) => s.wanted);
  const portals = useWorld((s) => s.world?.portals ?? []);
  useDoNotDisturbMuting(ownSession);
  usePanelStatus(placement, root, { mute: muteButton, doNotDisturb: doNotDisturbButton, ...heightButtons });
  usePointerTarget(placement);

  const voice = useVoiceInput.getState;
  return (
    <group ref={placement} position={PANEL_POSITION} rotation={PANEL_ROTATION}>
      <Container
        ref={root}
        pixelSize={PIXEL_SIZE}
        width={320}
        flexDirection="column"
        padding={12}
        gap={8}
        borderRadius={14}
        backgroundColor="#161c2b"
        onPointerEnter={() => xrStatus.panel.pointed++}
        onPointerLeave={() => (xrStatus.panel.pointed = Math.max(0, xrStatus.panel.pointed - 1))}
      >
        <Text fontSize={15} color="#f2f4fa" fontWeight="bold">
          {own ? own.name : "Kindred"}
        </Text>
        <Container flexDirection="row" flexWrap="wrap" gap={6}>
          <PanelButton
            label={LISTENING_LABEL[listening] ?? listening}
            active={listening === "listening" || listening === "speaking"}
            onPointerDown={() => voice().startPushToTalk()}
            onPointerUp={() => voice().stopPushToTalk()}
          />
          {own && (
            <PanelButton ref={muteButton} label={muted ? "Unmute" : "Mute"} active={muted} onPress={() => useVoicePlayback.getState().setMuted(own.id, !muted)} />
          )}
          <PanelButton ref={doNotDisturbButton} label="Do not disturb" active={doNotDisturb} onPress={() => useDoNotDisturb.getState().setWanted(!doNotDisturb)} />
        </Container>
        <HeightControls buttons={heightButtons} />
        <Container flexDirection="column" gap={3} minHeight={40}>
          {captions.length === 0 ? (
            <Text fontSize={12} color="#8e98b3">
              Captions of what your companion says appear here.
            </Text>
          ) : (
            captions.map((said) => (
              <Text key={said.id} fontSize={12} color="#dfe4f2">
                {said.text}
              </Text>
            ))
          )}
        </Container>
        {portals.length > 0 && (
          <Container flexDirection="row" flexWrap="wrap" gap={6}>
            {portals.map((portal) => (
              <PanelButton key={portal.id} label={portal.label} onPress={() => onTravel({ portalId: portal.id, world: portal.to, via: portal.arriveAt })} />
            ))}
          </Container>
        )}
      </Container>
    </group>
  );
}
