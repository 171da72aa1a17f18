/**
 * How the distance from the camera is scaled before it picks an avatar's level of detail: 1 on
 * the desktop; a headset's frame budget raises it, so detail drops off nearer.
 */
export const avatarLod = { distanceScale: 1 };
