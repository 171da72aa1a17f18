import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AVATAR_PRESET_IDS } from "../../../shared/avatars";
import { parseVrm } from "../../../client/avatar/loading/vrmParser";
import { validateVrm } from "../../../server/avatars";
import { validVrm0, validVrm1 } from "../../support/vrmFixtures";

const arrayBufferOf = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe("what the upload check accepts is what three-vrm loads", () => {
  it.each([
    ["1.0", validVrm1, "1"],
    ["0.x", validVrm0, "0"],
  ] as const)("the VRM %s test fixture loads with its humanoid", async (_version, build, metaVersion) => {
    const vrm = await parseVrm(arrayBufferOf(build()));
    expect(vrm.meta.metaVersion).toBe(metaVersion);
    expect(vrm.humanoid.getRawBoneNode("leftFoot")).not.toBeNull();
  });

  it.each(AVATAR_PRESET_IDS)("the shipped preset %s passes the upload check", (id) => {
    const bytes = readFileSync(path.resolve("avatars/presets", `${id}.vrm`));
    expect(validateVrm(bytes, 32_000_000).version).toBe("1.0");
  });
});
