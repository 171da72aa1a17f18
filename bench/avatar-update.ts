/**
 * `npm run bench -- avatar-update [--avatars 20] [--frames 600] [--warm-up 60] [--spread 12] [--all-in-view] [--procedural] [--heap-profile]`
 *
 * The avatar update of the client bench without a browser: the generated presets, parsed as the
 * client parses them, each driven by its own AvatarDriver (seeded), standing on a ring around
 * a camera at 2…`spread` m, half of them walking, a third of them talking, all gazing at the
 * camera, which looks one way (60° field of view): bodies out of its view only advance their
 * clocks, as in the client; `--all-in-view` poses every body (the cost of fully posed avatars).
 * The bodies play the VRMA clips in avatars/animations as the client does (idle variations,
 * after 7–16 s of calm: use `--frames 1800` to see them); `--procedural` gives them none.
 * Per frame it runs what the client runs before rendering (every driver's update), then the
 * scene's matrix update that rendering does, and reports the ms per frame of both (p50/p95),
 * the process's CPU time per frame of the avatar update (mean, p50: on a shared machine wall
 * time mostly measures the other processes, CPU time less so), the heap the update allocates per
 * frame (p50 of the heap's growth over frames without a collection: garbage that later costs
 * collections, the spikes of a frame-time p95) and the camera pass's draw calls
 * as three's renderer would count them. It shows the cost of the avatar code alone, without the
 * browser, React or the renderer. `--heap-profile` samples every allocation of the measured
 * frames (V8's sampling heap profiler, garbage included) and prints the functions that allocate
 * most, in KB per frame, to stderr (an inlined function's allocations count for its caller).
 */
import { readdirSync, readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Frustum, Group, Matrix4, PerspectiveCamera, Scene, Vector3, type Camera, type Material, type Mesh } from "three";
import { createAvatarDriver, type AvatarDriver, type AvatarPose } from "../client/avatar/avatarDriver";
import { bindMotionClips, type MotionAnimations } from "../client/avatar/loading/bindMotionClips";
import { parseVrmAnimation } from "../client/avatar/loading/vrmParser";
import type { MotionClipName } from "../client/avatar/motion/motionClips";
import { parseVrm } from "../client/avatar/loading/vrmParser";
import { bodyInView } from "../client/avatar/inView";
import { seededRandom } from "../client/world/seededRandom";
import { formatAllocationSites, topAllocationSites, type AllocationProfile } from "./support/allocationProfile";
import { percentile } from "./support/processStats";

const FRAME_S = 1 / 60;

interface Body {
  driver: AvatarDriver;
  pose: AvatarPose;
  angle: number;
  radius: number;
  walking: boolean;
}

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      avatars: { type: "string", default: "20" },
      frames: { type: "string", default: "600" },
      "warm-up": { type: "string", default: "60" },
      spread: { type: "string", default: "12" },
      "all-in-view": { type: "boolean", default: false },
      procedural: { type: "boolean", default: false },
      "heap-profile": { type: "boolean", default: false },
    },
  });
  const count = Number(values.avatars);
  const frames = Number(values.frames);
  const warmUpFrames = Number(values["warm-up"]);
  const spread = Number(values.spread);
  const allInView = values["all-in-view"] === true;
  // The VRMA clips in avatars/animations, as the client binds them; --procedural leaves them out.
  const animations = values.procedural === true ? {} : await shippedAnimations();
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(frames) || frames < 1 || !(spread >= 2)) {
    throw new Error("--avatars and --frames must be whole numbers ≥ 1, --spread a distance ≥ 2 m");
  }
  if (!Number.isInteger(warmUpFrames) || warmUpFrames < 0) throw new Error(`--warm-up must be a whole number of frames ≥ 0, got ${values["warm-up"]}`);
  const presetDir = new URL("../avatars/presets/", import.meta.url);
  const presets = readdirSync(presetDir).filter((f) => f.endsWith(".vrm")).sort();
  if (presets.length === 0) throw new Error("no presets in avatars/presets: run `npm run avatars`");

  process.stderr.write(`loading ${count} avatars (${presets.join(", ")}) …\n`);
  const scene = new Scene();
  const camera = new PerspectiveCamera(60, 16 / 9, 0.1, 200);
  camera.position.set(0, 1.6, 0);
  camera.lookAt(0, 1.4, -5);
  scene.add(camera);
  const eye = new Vector3(0, 1.6, 0);
  const random = seededRandom(7);
  const bodies: Body[] = [];
  for (let i = 0; i < count; i++) {
    const file = readFileSync(new URL(presets[i % presets.length]!, presetDir));
    const vrm = await parseVrm(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const root = new Group();
    root.add(vrm.scene);
    scene.add(root);
    const driver = createAvatarDriver({ random: seededRandom(100 + i) });
    driver.attach(vrm, root, bindMotionClips(animations, vrm));
    driver.lookAt(eye);
    driver.setEmotion(i % 2 ? "happy" : "relaxed");
    if (i % 3 === 0) driver.speakText("Hello there, it is a lovely day for a walk around the plaza with you.");
    const radius = 2 + (spread - 2) * random();
    bodies.push({ driver, pose: { x: 0, y: 0, z: 0, yaw: 0, speed: 0 }, angle: random() * Math.PI * 2, radius, walking: i % 2 === 0 });
  }

  let posed = 0;
  let drawCalls = 0;
  const updateMs: number[] = [];
  const updateCpuMs: number[] = [];
  const matrixMs: number[] = [];
  const heapBytes: number[] = [];
  const profiler = values["heap-profile"] === true ? new Session() : null;
  profiler?.connect();
  for (let f = 0; f < warmUpFrames + frames; f++) {
    if (f === warmUpFrames && profiler) {
      await profiler.post("HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const body of bodies) {
      if (body.walking) body.angle += (1.2 / body.radius) * FRAME_S;
      const pose = body.pose;
      pose.x = Math.cos(body.angle) * body.radius;
      pose.z = Math.sin(body.angle) * body.radius;
      pose.yaw = body.walking ? -body.angle : Math.atan2(-pose.x, -pose.z);
      pose.speed = body.walking ? 1.2 : 0;
      body.driver.setDistance(Math.hypot(pose.x, pose.y - eye.y, pose.z));
      const inView = allInView || bodyInView(camera, pose.x, pose.y, pose.z);
      body.driver.setInView(inView);
      if (inView && f >= warmUpFrames) posed++;
    }
    const heapBefore = process.memoryUsage().heapUsed;
    for (const body of bodies) body.driver.update(FRAME_S, body.pose);
    const updated = performance.now();
    // Before reading the CPU time, whose answer is itself an allocation.
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const cpu = process.cpuUsage(cpuStarted);
    scene.updateMatrixWorld();
    const done = performance.now();
    if (f >= warmUpFrames) {
      updateMs.push(updated - started);
      updateCpuMs.push((cpu.user + cpu.system) / 1000);
      matrixMs.push(done - updated);
      // A collection during the update shrinks the heap: such frames say nothing of what it allocated.
      if (heapGrowth >= 0) heapBytes.push(heapGrowth);
      drawCalls += cameraDrawCalls(scene, camera);
    }
    if (f % 60 === 0) process.stderr.write(`\r  frame ${f}/${warmUpFrames + frames}   `);
  }
  process.stderr.write("\n");
  if (profiler) {
    const { profile } = await profiler.post("HeapProfiler.stopSampling");
    profiler.disconnect();
    const perFrame = topAllocationSites(profile as AllocationProfile, 25).map((site) => ({ ...site, kb: site.kb / frames }));
    process.stderr.write(`allocation per measured frame (the whole loop, the bench's own work included):\n${formatAllocationSites(perFrame)}\n`);
  }
  const round = (v: number | null) => Math.round((v ?? Number.NaN) * 1000) / 1000;
  return {
    avatars: count,
    frames,
    warmUpFrames,
    clips: Object.keys(animations).length,
    posedPerFrame: Math.round((posed / frames) * 10) / 10,
    avatarUpdateMsPerFrame: { p50: round(percentile(updateMs, 50)), p95: round(percentile(updateMs, 95)) },
    avatarUpdateCpuMsPerFrame: { mean: round(updateCpuMs.reduce((a, b) => a + b, 0) / frames), p50: round(percentile(updateCpuMs, 50)) },
    avatarUpdateHeapKbPerFrame: round((percentile(heapBytes, 50) ?? Number.NaN) / 1024),
    cameraPassDrawCallsPerFrame: Math.round(drawCalls / frames),
    sceneMatrixMsPerFrame: { p50: round(percentile(matrixMs, 50)), p95: round(percentile(matrixMs, 95)) },
    machine: `${cpus().length} cores, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
  };
}

async function shippedAnimations(): Promise<MotionAnimations> {
  const dir = new URL("../avatars/animations/", import.meta.url);
  const found: MotionAnimations = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".vrma"))) {
    const bytes = readFileSync(new URL(file, dir));
    found[file.slice(0, -".vrma".length) as MotionClipName] = await parseVrmAnimation(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  return found;
}

const frustum = new Frustum();
const viewProjection = new Matrix4();

/** Draw calls of the camera's own pass (shadow passes not counted), counted as three's renderer counts them: one per visible material group of each visible, unculled mesh. */
function cameraDrawCalls(scene: Scene, camera: Camera): number {
  frustum.setFromProjectionMatrix(viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
  let calls = 0;
  scene.traverseVisible((object) => {
    const mesh = object as Mesh;
    if (!mesh.isMesh || (mesh.frustumCulled && !frustum.intersectsObject(mesh))) return;
    const materials = mesh.material as Material | Material[];
    if (!Array.isArray(materials)) calls += materials.visible ? 1 : 0;
    else for (const group of mesh.geometry.groups) calls += materials[group.materialIndex ?? 0]?.visible ? 1 : 0;
  });
  return calls;
}
