import { Color, SRGBColorSpace, Vector3 } from "three";

const scratch = new Color();
const rgb = { r: 0, g: 0, b: 0 };

/** A hex colour as an sRGB vector, for shaders that write display colours directly. */
export function srgbVector(hex: string, out = new Vector3()): Vector3 {
  scratch.set(hex).getRGB(rgb, SRGBColorSpace);
  return out.set(rgb.r, rgb.g, rgb.b);
}
