import { useEffect, useMemo } from "react";
import { Canvas } from "@react-three/fiber";
import { PCFShadowMap } from "three";
import { AutomationProbe, FrameTiming } from "../automation";
import { Companions } from "../companions";
import { LabelLayer } from "../labels";
import { RemotePeople } from "../people";
import { LocalPlayer, ThirdPersonCamera } from "../player";
import { VoiceSpatializer } from "../voice/playback";
import { useWorld, WorldScene } from "../world";
import { EnterXrButtons, useXrPresenting, XrScene } from "../xr";
import { detectGraphicsProfile } from "./graphicsProfile";
import { travel } from "./session";
import { useSession } from "./sessionStore";

/** The 3D view: the world, the people in it, and the camera behind you. */
export function WorldView() {
  const world = useWorld((s) => s.world);
  const version = useWorld((s) => s.version);
  const walking = useSession((s) => s.phase === "world" && !s.travelling);
  const profile = useMemo(detectGraphicsProfile, []);
  const immersive = useXrPresenting();
  useEffect(() => {
    // Software compositing pays for every blurred panel on every frame.
    document.body.classList.toggle("low-quality", profile.low);
  }, [profile]);
  return (
    <>
      <LabelLayer />
      <Canvas
        className="world-canvas"
        data-testid="world-canvas"
        dpr={profile.dpr}
        shadows={{ type: PCFShadowMap }}
        camera={{ fov: 60, near: 0.1, far: 1000, position: [0, 2, 6] }}
        gl={{ antialias: profile.antialias, powerPreference: "high-performance" }}
      >
        <XrScene onTravel={(event) => void travel(event)}>
          {world && <WorldScene key={version} world={world} quality={profile} />}
          <RemotePeople />
          <Companions />
          <VoiceSpatializer />
          <LocalPlayer frozen={!walking} immersive={immersive} />
          {!immersive && <ThirdPersonCamera />}
          <FrameTiming />
          <AutomationProbe active={walking} />
        </XrScene>
      </Canvas>
      {walking && <EnterXrButtons />}
    </>
  );
}
