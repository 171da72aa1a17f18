import { VRM0_REQUIRED_BONES } from "../../server/avatars";

/**
 * Minimal VRM files built in memory for tests: a GLB container (JSON + BIN chunks) whose JSON
 * has a node per humanoid bone, an embedded image and the VRM extension of either version. Tests
 * take the parts, break one thing, and encode them again.
 */

export interface FixtureGltf {
  asset: { version: string; generator?: string };
  extensionsUsed?: string[];
  extensionsRequired?: string[];
  extensions?: { VRMC_vrm?: Vrm1Extension; VRM?: Vrm0Extension };
  scene?: number;
  scenes?: { nodes: number[] }[];
  nodes?: { name: string; children?: number[]; translation?: number[] }[];
  buffers?: { byteLength: number; uri?: string }[];
  bufferViews?: { buffer: number; byteOffset?: number; byteLength: number }[];
  images?: { bufferView?: number; uri?: string; mimeType?: string }[];
}

interface Vrm1Extension {
  specVersion: string;
  meta: { name: string; version?: string; authors: string[]; licenseUrl: string };
  humanoid: { humanBones: Record<string, { node: number }> };
}

interface Vrm0Extension {
  exporterVersion: string;
  meta: { title: string; author: string };
  humanoid: { humanBones: { bone: string; node: number }[] };
}

export interface GlbParts {
  json: FixtureGltf;
  bin: Uint8Array | undefined;
}

/** Both versions' required bones (0.x needs chest and neck too); the fixture chains them in this order. */
export const FIXTURE_BONES = VRM0_REQUIRED_BONES;

/** A 1×1 PNG, so the image bufferView holds a real image. */
const PNG_1X1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);

function skeletonParts(extraBinBytes: number): Omit<FixtureGltf, "asset" | "extensionsUsed" | "extensions"> & { bin: Uint8Array } {
  const bin = new Uint8Array(align4(PNG_1X1.byteLength + extraBinBytes));
  bin.set(PNG_1X1);
  const nodes = FIXTURE_BONES.map((name, i) => ({ name, ...(i + 1 < FIXTURE_BONES.length ? { children: [i + 1] } : {}) }));
  return {
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes,
    buffers: [{ byteLength: bin.byteLength }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: PNG_1X1.byteLength }],
    images: [{ bufferView: 0, mimeType: "image/png" }],
    bin,
  };
}

/** A VRM 1.0 model ("Fixture One"); `extraBinBytes` pads the BIN chunk to make big files. */
export function vrm1Parts({ extraBinBytes = 0 } = {}): GlbParts {
  const { bin, ...gltf } = skeletonParts(extraBinBytes);
  const humanBones = Object.fromEntries(FIXTURE_BONES.map((bone, node) => [bone, { node }]));
  return {
    json: {
      asset: { version: "2.0", generator: "kindred test fixtures" },
      extensionsUsed: ["VRMC_vrm"],
      extensions: {
        VRMC_vrm: {
          specVersion: "1.0",
          meta: { name: "Fixture One", version: "1", authors: ["Kindred tests"], licenseUrl: "https://vrm.dev/licenses/1.0/" },
          humanoid: { humanBones },
        },
      },
      ...gltf,
    },
    bin,
  };
}

/** A VRM 0.x model ("Fixture Zero"), laid out as VRoid Studio / UniVRM 0.x write it. */
export function vrm0Parts({ extraBinBytes = 0 } = {}): GlbParts {
  const { bin, ...gltf } = skeletonParts(extraBinBytes);
  return {
    json: {
      asset: { version: "2.0", generator: "UniGLTF-1.28" },
      extensionsUsed: ["VRM"],
      extensions: {
        VRM: {
          exporterVersion: "UniVRM-0.99",
          meta: { title: "Fixture Zero", author: "Kindred tests" },
          humanoid: { humanBones: FIXTURE_BONES.map((bone, node) => ({ bone, node })) },
        },
      },
      ...gltf,
    },
    bin,
  };
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** Encodes parts as a GLB (glTF 2.0 binary): JSON padded with spaces, BIN with zeros. */
export function encodeGlb({ json, bin }: GlbParts): Uint8Array<ArrayBuffer> {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = align4(jsonBytes.byteLength);
  const binLength = bin ? align4(bin.byteLength) : 0;
  const total = 12 + 8 + jsonLength + (bin ? 8 + binLength : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.fill(0x20, 20, 20 + jsonLength);
  out.set(jsonBytes, 20);
  if (bin) {
    const at = 20 + jsonLength;
    view.setUint32(at, binLength, true);
    view.setUint32(at + 4, 0x004e4942, true);
    out.set(bin, at + 8);
  }
  return out;
}

export const validVrm1 = (options?: { extraBinBytes?: number }) => encodeGlb(vrm1Parts(options));
export const validVrm0 = (options?: { extraBinBytes?: number }) => encodeGlb(vrm0Parts(options));

/** Parts with one change made by `edit` (on a deep copy, so the builders stay pristine). */
export function edited(parts: GlbParts, edit: (json: FixtureGltf) => void): GlbParts {
  const json = structuredClone(parts.json);
  edit(json);
  return { json, bin: parts.bin };
}
