import { describe, expect, it } from "vitest";
import { AvatarError, validateVrm, VRM0_REQUIRED_BONES, VRM1_REQUIRED_BONES } from "../../../server/avatars";
import { edited, encodeGlb, validVrm0, validVrm1, vrm0Parts, vrm1Parts, type FixtureGltf } from "../../support/vrmFixtures";

const LIMIT = 32_000_000;

/** The refusal of `bytes`, as reason and message. */
function refusalOf(bytes: Uint8Array, maxBytes = LIMIT): { reason: string; message: string } {
  try {
    validateVrm(bytes, maxBytes);
  } catch (error) {
    if (error instanceof AvatarError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error("the file was accepted");
}

const invalid = (message: string) => ({ reason: "invalid_file", message });
const vrm1With = (edit: (json: FixtureGltf) => void) => encodeGlb(edited(vrm1Parts(), edit));
const vrm0With = (edit: (json: FixtureGltf) => void) => encodeGlb(edited(vrm0Parts(), edit));

/** Overwrites the little-endian uint32 at `offset` in a copy of `bytes`. */
function patchUint32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

describe("validateVrm accepts", () => {
  it("a VRM 1.0 file, with its version and name", () => {
    expect(validateVrm(validVrm1(), LIMIT)).toEqual({ version: "1.0", title: "Fixture One" });
  });

  it("a VRM 0.x file, with its version and title", () => {
    expect(validateVrm(validVrm0(), LIMIT)).toEqual({ version: "0.x", title: "Fixture Zero" });
  });

  it("a VRM 1.0 file without chest and neck, which 1.0 made optional", () => {
    const bytes = vrm1With((json) => {
      const bones = json.extensions!.VRMC_vrm!.humanoid.humanBones;
      delete bones.chest;
      delete bones.neck;
    });
    expect(validateVrm(bytes, LIMIT).version).toBe("1.0");
  });

  it("a file exactly at the size limit", () => {
    const bytes = validVrm1();
    expect(validateVrm(bytes, bytes.byteLength).version).toBe("1.0");
  });

  it("unknown chunk types after BIN, which the glTF spec says to skip", () => {
    const bytes = validVrm1();
    const extra = new Uint8Array(bytes.byteLength + 12);
    extra.set(bytes);
    const view = new DataView(extra.buffer);
    view.setUint32(8, extra.byteLength, true);
    view.setUint32(bytes.byteLength, 4, true);
    view.setUint32(bytes.byteLength + 4, 0x12345678, true);
    expect(validateVrm(extra, LIMIT).version).toBe("1.0");
  });
});

describe("the required humanoid bones", () => {
  it("are the VRM 1.0 spec's fifteen, and for 0.x also chest and neck", () => {
    const vrm1 = "hips spine head leftUpperArm leftLowerArm leftHand rightUpperArm rightLowerArm rightHand leftUpperLeg leftLowerLeg leftFoot rightUpperLeg rightLowerLeg rightFoot";
    expect([...VRM1_REQUIRED_BONES].sort()).toEqual(vrm1.split(" ").sort());
    expect([...VRM0_REQUIRED_BONES].sort()).toEqual([...vrm1.split(" "), "chest", "neck"].sort());
  });
});

describe("validateVrm refuses, naming what is wrong", () => {
  it("a file over the size limit, with both sizes", () => {
    const bytes = validVrm1({ extraBinBytes: 40_200_000 });
    expect(refusalOf(bytes)).toEqual({ reason: "too_large", message: "file is 40.2 MB; the limit is 32 MB" });
  });

  it("an empty file and one shorter than the GLB header", () => {
    expect(refusalOf(new Uint8Array(0))).toEqual(invalid("the file is empty"));
    expect(refusalOf(new Uint8Array([0x67, 0x6c, 0x54, 0x46]))).toEqual(
      invalid("not a glTF binary: the file is 4 bytes, shorter than the 12-byte GLB header"),
    );
  });

  it("a file with the wrong magic (a PNG, a text glTF)", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const message = 'not a glTF binary: wrong magic (a .vrm or .glb file starts with the bytes "glTF")';
    expect(refusalOf(png)).toEqual(invalid(message));
    expect(refusalOf(new TextEncoder().encode(JSON.stringify(vrm1Parts().json)))).toEqual(invalid(message));
  });

  it("a glTF binary of another version", () => {
    expect(refusalOf(patchUint32(validVrm1(), 4, 1))).toEqual(invalid("glTF binary version 1 is not supported: only version 2"));
  });

  it("a truncated file", () => {
    const bytes = validVrm1();
    const cut = bytes.subarray(0, 1000);
    expect(refusalOf(cut)).toEqual(invalid(`the file is truncated: its header says ${bytes.byteLength} bytes but it has 1000`));
  });

  it("bytes after the end the header gives", () => {
    const bytes = validVrm1();
    const longer = new Uint8Array(bytes.byteLength + 8);
    longer.set(bytes);
    expect(refusalOf(longer)).toEqual(invalid(`the file has 8 bytes after the end its header gives (${bytes.byteLength} bytes)`));
  });

  it("a chunk length that runs past the file", () => {
    const bytes = validVrm1();
    const jsonLength = new DataView(bytes.buffer).getUint32(12, true);
    const binLength = bytes.byteLength - 20 - jsonLength - 8;
    const tooLong = patchUint32(bytes, 20 + jsonLength, binLength + 4);
    expect(refusalOf(tooLong)).toEqual(invalid(`bad chunk length: chunk 1 (BIN) says ${binLength + 4} bytes but only ${binLength} remain in the file`));
    expect(refusalOf(patchUint32(bytes, 12, bytes.byteLength))).toEqual(
      invalid(`bad chunk length: chunk 0 (JSON) says ${bytes.byteLength} bytes but only ${bytes.byteLength - 20} remain in the file`),
    );
  });

  it("a first chunk that is not JSON", () => {
    expect(refusalOf(patchUint32(validVrm1(), 16, 0x004e4942))).toEqual(invalid("the first chunk must be JSON, not BIN"));
  });

  it("a JSON chunk that does not parse", () => {
    const bytes = validVrm1();
    bytes[20] = "[".charCodeAt(0);
    bytes[21] = "}".charCodeAt(0);
    expect(refusalOf(bytes).message).toMatch(/^the JSON chunk does not parse: /);
  });

  it("glTF JSON without its asset version", () => {
    expect(refusalOf(vrm1With((json) => (json.asset = { version: "1.0" })))).toEqual(
      invalid("the glTF JSON is malformed: asset.version: must be a glTF 2.x version such as 2.0"),
    );
  });

  it("a glTF that is not a VRM", () => {
    const plain = vrm1With((json) => {
      delete json.extensions;
      delete json.extensionsUsed;
    });
    expect(refusalOf(plain)).toEqual(
      invalid("not a VRM: the glTF has neither a VRMC_vrm (VRM 1.0) nor a VRM (VRM 0.x) extension; export the model as .vrm (e.g. from VRoid Studio)"),
    );
  });

  it("a VRM extension not listed in extensionsUsed, and one listed but absent", () => {
    expect(refusalOf(vrm1With((json) => (json.extensionsUsed = [])))).toEqual(invalid("the VRMC_vrm extension is not listed in extensionsUsed"));
    expect(refusalOf(vrm0With((json) => delete json.extensions))).toEqual(invalid("extensionsUsed lists VRM but the file has no VRM extension object"));
  });

  it("a VRM extension of an unknown spec version or shape", () => {
    expect(refusalOf(vrm1With((json) => (json.extensions!.VRMC_vrm!.specVersion = "2.0")))).toEqual(
      invalid("the VRMC_vrm extension is malformed: specVersion: must be 1.0"),
    );
    expect(refusalOf(vrm0With((json) => (json.extensions!.VRM!.humanoid = { humanBones: [{ bone: "hips", node: -1 }] })))).toEqual(
      invalid("the VRM extension is malformed: humanoid.humanBones.0.node: Too small: expected number to be >=0"),
    );
  });

  it.each(VRM1_REQUIRED_BONES)("a VRM 1.0 file missing %s", (bone) => {
    expect(refusalOf(vrm1With((json) => delete json.extensions!.VRMC_vrm!.humanoid.humanBones[bone]))).toEqual(invalid(`missing humanoid bone ${bone}`));
  });

  it.each(VRM0_REQUIRED_BONES)("a VRM 0.x file missing %s", (bone) => {
    const bytes = vrm0With((json) => {
      const humanoid = json.extensions!.VRM!.humanoid;
      humanoid.humanBones = humanoid.humanBones.filter((entry) => entry.bone !== bone);
    });
    expect(refusalOf(bytes)).toEqual(invalid(`missing humanoid bone ${bone}`));
  });

  it("several missing bones, all named", () => {
    const bytes = vrm1With((json) => {
      const bones = json.extensions!.VRMC_vrm!.humanoid.humanBones;
      delete bones.leftFoot;
      delete bones.rightFoot;
    });
    expect(refusalOf(bytes)).toEqual(invalid("missing humanoid bones leftFoot, rightFoot"));
  });

  it("a bone pointing to a node that does not exist", () => {
    const bytes = vrm1With((json) => (json.extensions!.VRMC_vrm!.humanoid.humanBones.head = { node: 99 }));
    expect(refusalOf(bytes)).toEqual(invalid("humanoid bone head points to node 99, but the file has 17 nodes"));
  });

  it("an image or buffer with an external URI", () => {
    const url = "https://example.com/tracker/face-texture-that-is-somewhere-else-entirely-and-long.png";
    expect(refusalOf(vrm1With((json) => (json.images = [json.images![0]!, { uri: url }])))).toEqual(
      invalid("image 1 points outside the file (https://example.com/tracker/face-texture-that-is-somewhere-e…)"),
    );
    expect(refusalOf(vrm0With((json) => (json.images![0] = { uri: "textures/face.png" })))).toEqual(invalid("image 0 points outside the file (textures/face.png)"));
    expect(refusalOf(vrm1With((json) => (json.buffers![0]!.uri = "model.bin")))).toEqual(invalid("buffer 0 points outside the file (model.bin)"));
  });

  it("data: URIs, whose bytes would hide in the JSON", () => {
    expect(refusalOf(vrm1With((json) => (json.images![0] = { uri: "data:image/png;base64,AAAA" })))).toEqual(
      invalid("image 0 is a data: URI; images must be stored in the file's BIN chunk"),
    );
    expect(refusalOf(vrm1With((json) => json.buffers!.push({ byteLength: 3, uri: "data:application/octet-stream;base64,AAAA" })))).toEqual(
      invalid("buffer 1 is a data: URI; its bytes must be in the file's BIN chunk"),
    );
  });

  it("compression that needs a decoder the web client does not load", () => {
    const draco = vrm1With((json) => {
      json.extensionsUsed!.push("KHR_draco_mesh_compression");
      json.extensionsRequired = ["KHR_draco_mesh_compression"];
    });
    expect(refusalOf(draco)).toEqual(
      invalid("the file requires KHR_draco_mesh_compression (Draco-compressed meshes), which Kindred cannot decode: export it without that compression"),
    );
    const optional = vrm1With((json) => json.extensionsUsed!.push("KHR_draco_mesh_compression"));
    expect(validateVrm(optional, LIMIT).version).toBe("1.0");
  });

  it("references that reach past the BIN chunk or to nothing", () => {
    const parts = vrm1Parts();
    const binLength = parts.bin!.byteLength;
    expect(refusalOf(encodeGlb({ ...parts, bin: undefined }))).toEqual(invalid("buffer 0 refers to the BIN chunk, but the file has no BIN chunk"));
    expect(refusalOf(vrm1With((json) => (json.buffers![0]!.byteLength = binLength + 4)))).toEqual(
      invalid(`buffer 0 says ${binLength + 4} bytes but the BIN chunk has only ${binLength}`),
    );
    expect(refusalOf(vrm1With((json) => (json.bufferViews![0]!.byteOffset = binLength)))).toEqual(invalid("bufferView 0 reaches past the end of buffer 0"));
    expect(refusalOf(vrm1With((json) => (json.bufferViews![0]!.buffer = 3)))).toEqual(invalid("bufferView 0 refers to buffer 3, which does not exist"));
    expect(refusalOf(vrm1With((json) => (json.images![0]!.bufferView = 5)))).toEqual(invalid("image 0 refers to bufferView 5, which does not exist"));
  });
});
