export { WorldScene, BACKDROP_NAME } from "./WorldScene";
export { useWorld, showWorld, whenAssetsReady } from "./worldStore";
export { registerSolid, solidObjects, solidsVersion } from "./solidObjects";
export { DEG } from "./units";
export { NotPointable } from "./NotPointable";
