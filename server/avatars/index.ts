export { AvatarError, formatMegabytes, type AvatarRefusal } from "./avatarError";
export { isAvatarId, type StoredAvatar } from "./avatarRepository";
export { avatarRefusalFor, createAvatarService, type AvatarService, type AvatarServiceOptions } from "./avatarService";
export { companionBody } from "./personaAvatar";
export { validateVrm } from "./validateVrm";
export { VRM0_REQUIRED_BONES, VRM1_REQUIRED_BONES, type VrmFacts, type VrmVersion } from "./vrmExtension";
