/** How hard the renderer may work on this machine. */
export interface GraphicsProfile {
  /** The economical profile: a CPU rasteriser (SwiftShader, llvmpipe), or `?quality=low`. */
  low: boolean;
  antialias: boolean;
  dpr: [number, number];
  shadowMapSize: number;
  /** Point lights shade every pixel once each: the costliest part of a frame in software. */
  pointLights: boolean;
  anisotropy: number;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE_RENDERERS.test(rendererName);
}

/** What `?quality=` in the address asks for: "low" forces the software profile, "high" the full one. */
export type QualityOverride = "low" | "high" | null;

export function profileFor(rendererName: string, override: QualityOverride = null): GraphicsProfile {
  // Measured under SwiftShader (plaza, 1280×720): MSAA alone tripled the frame time, the eight
  // lamp lights doubled what was left, and 8× anisotropic filtering cost as much as the
  // ground's lighting. Lamps still glow without their lights.
  const low = override ? override === "low" : isSoftwareRenderer(rendererName);
  // Half resolution quarters the pixels; the shadow map is rendered at its own size whatever
  // the resolution, so it shrinks too.
  return low
    ? { low: true, antialias: false, dpr: [0.5, 0.5], shadowMapSize: 512, pointLights: false, anisotropy: 1 }
    : { low: false, antialias: true, dpr: [1, 1.5], shadowMapSize: 2048, pointLights: true, anisotropy: 8 };
}

/** Asks a throwaway WebGL context which renderer this browser would use. */
export function detectGraphicsProfile(): GraphicsProfile {
  let name = "";
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
    if (gl) {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    // No WebGL at all: the Canvas will report that itself.
  }
  return profileFor(name, qualityOverride());
}

function qualityOverride(): QualityOverride {
  const asked = new URLSearchParams(window.location.search).get("quality");
  return asked === "low" || asked === "high" ? asked : null;
}
