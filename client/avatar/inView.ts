import { Frustum, Matrix4, Sphere, type Camera } from "three";

/** A sphere around a standing body: centred at hip height, wide enough for outstretched arms and hair. */
const BODY_CENTRE_Y_M = 0.9;
const BODY_RADIUS_M = 1.4;

const frustum = new Frustum();
const viewProjection = new Matrix4();
const body = new Sphere();
/** The camera state `frustum` was made from: every avatar asks each frame, one computes it. */
let framed: Camera | null = null;
const framedWorld = new Matrix4();
const framedProjection = new Matrix4();

/**
 * Whether a body standing with its feet at (x, y, z) can be in `camera`'s view. The camera's
 * world matrix is brought up to date first: the camera moves earlier in the frame and the
 * renderer would only update it when drawing, so a body turning into view is posed this frame.
 */
export function bodyInView(camera: Camera, x: number, y: number, z: number): boolean {
  camera.updateWorldMatrix(true, false);
  if (camera !== framed || !framedWorld.equals(camera.matrixWorld) || !framedProjection.equals(camera.projectionMatrix)) {
    framed = camera;
    framedWorld.copy(camera.matrixWorld);
    framedProjection.copy(camera.projectionMatrix);
    viewProjection.copy(camera.matrixWorld).invert().premultiply(camera.projectionMatrix);
    frustum.setFromProjectionMatrix(viewProjection, camera.coordinateSystem, camera.reversedDepth);
  }
  body.center.set(x, y + BODY_CENTRE_Y_M, z);
  body.radius = BODY_RADIUS_M;
  return frustum.intersectsSphere(body);
}
