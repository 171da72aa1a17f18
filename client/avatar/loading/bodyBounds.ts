import { Box3, Matrix4, Sphere, type Object3D, type SkinnedMesh } from "three";

/** Room for poses beyond the rest pose's box: arms reaching forward or up, a lean, hair swinging. */
const POSE_MARGIN = 1.2;

const box = new Box3();
const toMesh = new Matrix4();

/**
 * Lets the renderer frustum-cull a loaded avatar, in the camera's view and in the shadow map's
 * alike. A skinned mesh's bounds would otherwise come from the pose it happened to be in when
 * first tested, and never follow the bones; here every skinned mesh gets the sphere around the
 * whole body at rest, widened for any pose, which moves with the model because its meshes do.
 * Rigid meshes keep their own geometry's bounds: they ride on their bones.
 */
export function cullWithBodyBounds(scene: Object3D): void {
  scene.updateMatrixWorld(true);
  const body = box.setFromObject(scene).getBoundingSphere(new Sphere());
  body.radius *= POSE_MARGIN;
  scene.traverse((object) => {
    object.frustumCulled = true;
    const mesh = object as SkinnedMesh;
    if (!mesh.isSkinnedMesh) return;
    mesh.boundingSphere = body.clone().applyMatrix4(toMesh.copy(mesh.matrixWorld).invert());
  });
}
