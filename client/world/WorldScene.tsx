import { Suspense, useEffect } from "react";
import { Bvh } from "@react-three/drei";
import type { WorldDefinition } from "../../shared/world";
import { Ground } from "./Ground";
import { Lighting, type SceneQuality } from "./Lighting";
import { NotPointable } from "./NotPointable";
import { PointOfInterestMarker } from "./PointOfInterestMarker";
import { PortalGate } from "./PortalGate";
import { Props } from "./Props";
import { SkyDome } from "./SkyDome";
import { useWorld } from "./worldStore";

/** The group holding the sky and the ground: passthrough (AR) hides it, the real room stands in. */
export const BACKDROP_NAME = "world-backdrop";

/** Everything a world file describes. Suspends until its glTF assets have loaded. */
export function WorldScene({ world, quality }: { world: WorldDefinition; quality: SceneQuality }) {
  const spawn = world.spawns[0]!.position;
  const faceTowards = [spawn[0], spawn[2]] as const;
  return (
    <Suspense fallback={null}>
      <NotPointable>
        <Lighting world={world} quality={quality} />
        <group name={BACKDROP_NAME}>
          <SkyDome sky={world.sky} />
          <Ground ground={world.ground} anisotropy={quality.anisotropy} />
        </group>
        {/* Bounding-volume trees: the camera's two collision rays a frame test a few boxes, not every triangle of the merged props. */}
        <Bvh>
          <Props props={world.props} />
          {world.portals.map((portal) => (
            <PortalGate key={portal.id} portal={portal} faceTowards={faceTowards} />
          ))}
        </Bvh>
        {world.pointsOfInterest.map((poi) => (
          <PointOfInterestMarker key={poi.id} poi={poi} />
        ))}
      </NotPointable>
      <AssetsReady worldId={world.id} />
    </Suspense>
  );
}

/** Mounted only once every sibling in the Suspense boundary has loaded. */
function AssetsReady({ worldId }: { worldId: string }) {
  useEffect(() => {
    useWorld.setState({ assetsReadyFor: worldId });
  }, [worldId]);
  return null;
}
