import type { WorldDefinition } from "../../shared/world";
import { Sun } from "./Sun";

/** Sky/ground bounce light, the sun, fog, and the world's point lights. */
/** What the machine can afford (see app/graphicsProfile). */
export interface SceneQuality {
  shadowMapSize: number;
  pointLights: boolean;
  /** Anisotropic filtering of the ground texture (1 = off): sharp at grazing angles, but costly. */
  anisotropy: number;
}

export function Lighting({ world, quality }: { world: WorldDefinition; quality: SceneQuality }) {
  const { ambient, fog, sun } = world.sky;
  return (
    <>
      <color attach="background" args={[fog.color]} />
      <fog attach="fog" args={[fog.color, fog.near, fog.far]} />
      <hemisphereLight args={[ambient.color, ambient.ground, ambient.intensity]} />
      <Sun sun={sun} shadowMapSize={quality.shadowMapSize} />
      {(quality.pointLights ? world.lights : []).map((light, i) => (
        <pointLight key={i} position={light.position} color={light.color} intensity={light.intensity} distance={light.distance} decay={2} />
      ))}
    </>
  );
}
