import {
  BoxGeometry,
  CapsuleGeometry,
  ConeGeometry,
  CylinderGeometry,
  PlaneGeometry,
  SphereGeometry,
  TorusGeometry,
  type BufferGeometry,
} from "three";
import type { PrimitiveProp } from "../../shared/world";

/**
 * The geometry of a primitive prop, centred on the prop's position, sized as the world format
 * says (see PrimitiveProp.size). Planes lie flat on the ground like the footprint they make.
 */
export function primitiveGeometry(shape: PrimitiveProp["shape"], size: readonly number[]): BufferGeometry {
  const a = size[0] ?? 1;
  const b = size[1] ?? a;
  const c = size[2] ?? a;
  switch (shape) {
    case "box":
      return new BoxGeometry(a, b, c);
    case "cylinder":
      return new CylinderGeometry(a, b, c, 28);
    case "cone":
      return new ConeGeometry(b, c, 28);
    case "sphere":
      return new SphereGeometry(a, 24, 16);
    case "torus":
      return new TorusGeometry(a, size[1] ?? 0.2, 12, 48);
    case "plane":
      return new PlaneGeometry(a, b).rotateX(-Math.PI / 2);
    case "capsule":
      return new CapsuleGeometry(a, size[1] ?? 1, 6, 16);
  }
}
