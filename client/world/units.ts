/** Degrees to radians: world files write angles in degrees. */
export const DEG = Math.PI / 180;
