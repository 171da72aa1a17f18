import { describe, expect, it } from "vitest";
import { isSoftwareRenderer, profileFor } from "../../client/app/graphicsProfile";

describe("graphics profile", () => {
  it("recognises software rasterisers by their renderer name", () => {
    expect(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRenderer("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(false);
    expect(isSoftwareRenderer("Apple M2")).toBe(false);
  });

  it("spares a software renderer the costly features and keeps them on a GPU", () => {
    const low = profileFor("SwiftShader");
    const high = profileFor("Apple M2");
    expect(low.low).toBe(true);
    expect(low.antialias).toBe(false);
    expect(low.pointLights).toBe(false);
    expect(low.dpr[1]).toBeLessThan(high.dpr[1]);
    expect(low.shadowMapSize).toBeLessThan(high.shadowMapSize);
    expect(high.antialias).toBe(true);
    expect(high.pointLights).toBe(true);
  });

  it("lets ?quality= override the detection both ways", () => {
    expect(profileFor("SwiftShader", "high").low).toBe(false);
    expect(profileFor("Apple M2", "low").low).toBe(true);
  });
});
