import { Matrix4, type Camera, type Object3D } from "three";
import { ViewPlanes } from "./viewPlanes";

/** A sphere around a standing body: centred at hip height, wide enough for outstretched arms and hair. */
const BODY_CENTRE_Y_M = 0.9;
const BODY_RADIUS_M = 1.4;

const frustum = new ViewPlanes();
const viewProjection = new Matrix4();
/** The body's sphere: centre x, y, z and radius. */
const body = new Float64Array(4);
/** The camera `frustum` was made from, and its projection then. */
let framed: Camera | null = null;
const framedProjection = new Matrix4();

/** Numbers kept per object of the camera's chain: position 3, quaternion 4, scale 3, matrix 16, world matrix 16. */
const PER_OBJECT = 42;
const MATRIX_AT = 10;
const WORLD_AT = 26;
/** The camera and its ancestors when the frustum was made, and what their world matrices were computed from. */
const chain: Object3D[] = [];
/** How many of `chain`'s entries are the chain (it is overwritten, never shortened: that would free its storage). */
let chainLength = 0;
let chainState = new Float64Array(0);

/**
 * Whether a body standing with its feet at (x, y, z) can be in `camera`'s view. The camera's
 * world matrix is brought up to date first: the camera moves earlier in the frame and the
 * renderer would only update it when drawing, so a body turning into view is posed this frame.
 * Every body asks each frame, so that update (compose, multiply, decompose and invert along the
 * camera's chain) and the frustum run only for the first ask after something they read changed.
 */
export function bodyInView(camera: Camera, x: number, y: number, z: number): boolean {
  if (camera !== framed || !chainUnchanged(camera) || !framedProjection.equals(camera.projectionMatrix)) frame(camera);
  body[0] = x;
  body[1] = y + BODY_CENTRE_Y_M;
  body[2] = z;
  body[3] = BODY_RADIUS_M;
  return frustum.intersectsSphere(body);
}

function frame(camera: Camera): void {
  camera.updateWorldMatrix(true, false);
  rememberChain(camera);
  framed = camera;
  framedProjection.copy(camera.projectionMatrix);
  viewProjection.copy(camera.matrixWorld).invert().premultiply(camera.projectionMatrix);
  frustum.setFromProjectionMatrix(viewProjection, camera.coordinateSystem, camera.reversedDepth);
}

/**
 * True when updating the camera's world matrix would give the one the frustum was made from:
 * the same objects up the chain, none flagged for a world update, the same transforms, and for
 * objects three does not recompute (`matrixAutoUpdate` or `matrixWorldAutoUpdate` off) the same
 * matrices that are kept instead.
 */
function chainUnchanged(camera: Camera): boolean {
  const state = chainState;
  let level = 0;
  for (let object: Object3D | null = camera; object !== null; object = object.parent, level++) {
    if (level >= chainLength || chain[level] !== object || object.matrixWorldNeedsUpdate) return false;
    const at = level * PER_OBJECT;
    const p = object.position;
    const q = object.quaternion;
    const s = object.scale;
    if (state[at] !== p.x || state[at + 1] !== p.y || state[at + 2] !== p.z) return false;
    if (state[at + 3] !== q.x || state[at + 4] !== q.y || state[at + 5] !== q.z || state[at + 6] !== q.w) return false;
    if (state[at + 7] !== s.x || state[at + 8] !== s.y || state[at + 9] !== s.z) return false;
    if (!object.matrixAutoUpdate && !sameElements(state, at + MATRIX_AT, object.matrix)) return false;
    if (!(object.matrixAutoUpdate && object.matrixWorldAutoUpdate) && !sameElements(state, at + WORLD_AT, object.matrixWorld)) return false;
  }
  return level === chainLength;
}

function sameElements(state: Float64Array, at: number, matrix: Matrix4): boolean {
  const e = matrix.elements;
  for (let i = 0; i < 16; i++) if (state[at + i] !== e[i]) return false;
  return true;
}

function rememberChain(camera: Camera): void {
  chainLength = 0;
  for (let object: Object3D | null = camera; object !== null; object = object.parent) chain[chainLength++] = object;
  if (chainState.length < chainLength * PER_OBJECT) chainState = new Float64Array(chainLength * PER_OBJECT);
  // A moving camera is remembered anew every frame: a plain loop, no closure.
  for (let level = 0; level < chainLength; level++) {
    const object = chain[level]!;
    const at = level * PER_OBJECT;
    object.position.toArray(chainState, at);
    object.quaternion.toArray(chainState, at + 3);
    object.scale.toArray(chainState, at + 7);
    chainState.set(object.matrix.elements, at + MATRIX_AT);
    chainState.set(object.matrixWorld.elements, at + WORLD_AT);
  }
}
