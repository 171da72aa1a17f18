/**
 * `npm run bench -- client [--players 10] [--seconds 60] [--world plaza] [--seed 1] [--viewport 960x540] [--xr] [--profile file.cpuprofile] [--heap-profile file.heapprofile] [--trace file.json] [--chromium-args "--flag …"] [--page-thread realtime|none]`
 *
 * The real server in its own process, headless Chromium (one page: the person whose frames are
 * measured) and players − 1 SDK bots, each with its companion, strolling a layout drawn from
 * `seed` once every avatar has loaded. Then records for `seconds` the JS time of each frame's
 * update stages (everything before rendering), the part spent updating avatars, and each
 * companion avatar's own update time, from the page's `window.__kindred`, and takes the five
 * slowest frames apart (stages, avatar updates, garbage collection, and the React commits and
 * room messages handled just before). `--xr` measures the same inside an
 * immersive-vr session of an emulated Quest 3 (iwer), with the headset's frame budget applied.
 * `--profile` records a CPU profile of the page over the measured seconds (DevTools format; the
 * sampling itself slows the page a little) and prints its top self-time functions to stderr;
 * `--heap-profile` samples where the page allocates over the measured seconds, garbage included.
 * A Chrome trace over the measured seconds gives each frame's main-thread CPU time beside its
 * wall time (`--trace` keeps it in a file); `--chromium-args` adds browser flags for experiments.
 * `--page-thread realtime` (the default) keeps software rendering from preempting the page's main
 * thread, as it could not on a machine with a GPU; `none` measures the shared cores as they are.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { buildClient, clientBuildReason } from "../server/cli/clientBuild";
import { launchChromium } from "../tests/e2e/support/chromium";
import { installEmulatedHeadset } from "../tests/e2e/support/emulatedHeadset";
import { formatSelfTime } from "./support/cpuProfile";
import { FRAME_STAGES } from "../client/automation/frameLedger";
import { readFrameSamples, type FrameSample } from "./support/frameRecord";
import { installPageInstruments, takeBetweenFrames, type BetweenFrames } from "./support/pageInstruments";
import { formatAllocationSites } from "./support/allocationProfile";
import { startPageAllocationProfile, startPageProfile } from "./support/pageProfile";
import { percentile } from "./support/processStats";
import { startServerProcess } from "./support/serverProcess";
import { startWalkingBots, type WalkingBots } from "./support/walkingBots";
import { worstFrames } from "./support/worstFrames";
import { frameThreadTimes, tracedFrameAt } from "./support/frameThreadTime";
import { markFramesInTrace, startPageTrace } from "./support/pageTrace";
import { parsePageThreadPriority, setPageThreadPriority } from "./support/pageThreadPriority";

/**
 * The page's size. Under SwiftShader the client already renders at half resolution
 * (graphicsProfile), and a frame's render time goes mostly to skinning and drawing about a
 * million triangles, not to pixels; labels are placed in CSS pixels, so a smaller page would
 * also flatter their restyling. Kept at a laptop window's proportions.
 */
const DEFAULT_VIEWPORT = "960x540";
/** How many of the slowest frames are taken apart. */
const WORST_FRAMES = 5;
/**
 * Lets the page report its JS heap exactly (performance.memory): a frame in which the heap
 * shrank had a garbage collection inside it.
 */
const CHROMIUM_ARGS = ["--enable-precise-memory-info"];
const LOAD_TIMEOUT_MS = 180_000;
const WARM_UP_MS = 2000;
/** Frames rendered in the headset session before measuring. */
const XR_SETTLE_FRAMES = 5;
/**
 * Consecutive frames with no new shader program before measuring: the renderer compiles one
 * when something is first drawn (an avatar walking into view, the headset's shadowless
 * lighting), a one-off whose work and garbage would otherwise land in the measured frames.
 */
const SHADERS_SETTLED_FRAMES = 8;
const SHADERS_SETTLE_TIMEOUT_MS = 120_000;

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      players: { type: "string", default: "10" },
      seconds: { type: "string", default: "60" },
      world: { type: "string", default: "plaza" },
      seed: { type: "string", default: "1" },
      viewport: { type: "string", default: DEFAULT_VIEWPORT },
      xr: { type: "boolean", default: false },
      profile: { type: "string" },
      "heap-profile": { type: "string" },
      trace: { type: "string" },
      "chromium-args": { type: "string", default: "" },
      "page-thread": { type: "string", default: "realtime" },
    },
  });
  const players = Number(values.players);
  const seconds = Number(values.seconds);
  const world = String(values.world);
  const xr = values.xr === true;
  const profileFile = values.profile;
  const heapProfileFile = values["heap-profile"];
  const traceFile = values.trace;
  const extraChromiumArgs = String(values["chromium-args"]).split(/\s+/).filter(Boolean);
  const seed = Number(values.seed);
  if (!Number.isInteger(players) || players < 1 || !(seconds > 0)) throw new Error("--players must be a whole number ≥ 1 and --seconds positive");
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  const viewport = parseViewport(String(values.viewport));
  const pageThread = parsePageThreadPriority(String(values["page-thread"]));

  const root = process.cwd();
  const stale = clientBuildReason(root);
  if (stale) {
    process.stderr.write(`building the web client (${stale}) …\n`);
    await buildClient(root);
  }
  const server = await startServerProcess({ LOG_LEVEL: "warn", KINDRED_LLM: "none", KINDRED_EMBEDDING_MODEL: "none" });
  let bots: WalkingBots | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write(`joining ${players - 1} strolling bots to ${server.url} …\n`);
    bots = await startWalkingBots(server.url, world, players - 1, seed);
    browser = await launchChromium([...CHROMIUM_ARGS, ...extraChromiumArgs]);
    const page = await (await browser.newContext({ viewport })).newPage();
    await installPageInstruments(page);
    await markFramesInTrace(page);
    if (xr) await installEmulatedHeadset(page);
    process.stderr.write("the measured person joins in Chromium …\n");
    await page.goto(`${server.url}/?world=${world}`);
    await page.getByTestId("name-input").fill("Measured");
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: LOAD_TIMEOUT_MS });
    await waitForAvatars(page, players);
    if (xr) await enterVr(page);
    const pageThreadWhat = setPageThreadPriority(pageThread);

    bots.walk();
    await waitForShaders(page);
    // Started before the warm-up, so every measured frame lies inside the trace and none pays for its start.
    const trace = await startPageTrace(browser, page);
    await page.waitForTimeout(WARM_UP_MS);
    const programsBefore = await page.evaluate(() => window.__kindred!.frame.programs);
    let since = (await readFrameSamples(page, { frames: 0, companionUpdates: 0 })).next;
    await takeBetweenFrames(page);
    const frames: FrameSample[] = [];
    const companionUpdateMs: number[] = [];
    const between: BetweenFrames = { commits: [], messages: [] };
    let lost = 0;
    const profile = profileFile ? await startPageProfile(page) : undefined;
    const heapProfile = heapProfileFile ? await startPageAllocationProfile(page) : undefined;
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      await page.waitForTimeout(Math.min(1000, Math.max(0, end - performance.now())));
      const read = await readFrameSamples(page, since);
      const happened = await takeBetweenFrames(page);
      since = read.next;
      frames.push(...read.frames);
      companionUpdateMs.push(...read.companionUpdateMs);
      between.commits.push(...happened.commits);
      between.messages.push(...happened.messages);
      lost += read.lost;
      const elapsed = Math.min(seconds, (performance.now() - started) / 1000);
      process.stderr.write(`\r  ${elapsed.toFixed(1)}/${seconds} s: ${frames.length} frames   `);
    }
    const wallSeconds = (performance.now() - started) / 1000;
    process.stderr.write("\n");
    const traced = frameThreadTimes(await trace.stop(traceFile));
    if (traceFile) process.stderr.write(`Chrome trace written to ${traceFile}\n`);
    if (profile && profileFile) {
      const top = await profile.stop(profileFile);
      process.stderr.write(`CPU profile written to ${profileFile}; top self time:\n${formatSelfTime(top)}\n`);
    }
    if (heapProfile && heapProfileFile) {
      const top = await heapProfile.stop(heapProfileFile);
      process.stderr.write(`allocation profile written to ${heapProfileFile}; top allocating functions:\n${formatAllocationSites(top)}\n`);
    }
    const scene = await page.evaluate(() => ({
      drawCalls: window.__kindred!.frame.drawCalls,
      triangles: window.__kindred!.frame.triangles,
      programs: window.__kindred!.frame.programs,
      companions: Object.keys(window.__kindred!.companions).length,
      loaded: Object.values(window.__kindred!.companions).filter((c) => c.loaded).length,
      players: Object.keys(window.__kindred!.players).length + 1,
    }));
    const jsMs = frames.map((f) => f.jsMs);
    const avatarMs = frames.map((f) => f.avatarMs);
    const cpuMs = frames.flatMap((f) => tracedFrameAt(traced, f.startedAt)?.cpuMs ?? []);
    const commitsByRenderer: Record<string, number> = {};
    for (const commit of between.commits) commitsByRenderer[commit.renderer] = (commitsByRenderer[commit.renderer] ?? 0) + 1;
    const perSecond = (n: number) => Math.round((n / wallSeconds) * 10) / 10;
    return {
      variant: xr ? "xr" : "desktop",
      players: scene.players,
      companions: scene.companions,
      companionAvatarsLoaded: scene.loaded,
      seconds: Math.round(wallSeconds * 10) / 10,
      seed,
      viewport: `${viewport.width}x${viewport.height}`,
      frames: frames.length,
      fps: Math.round((frames.length / wallSeconds) * 10) / 10,
      jsFrameMs: { p50: percentile(jsMs, 50), p95: percentile(jsMs, 95) },
      jsFrameCpuMs: { p50: percentile(cpuMs, 50), p95: percentile(cpuMs, 95), framesTraced: cpuMs.length },
      avatarUpdateMsPerFrame: { p50: percentile(avatarMs, 50), p95: percentile(avatarMs, 95) },
      companionAvatarUpdateMs: { p50: percentile(companionUpdateMs, 50), p95: percentile(companionUpdateMs, 95) },
      stageMs: Object.fromEntries(
        FRAME_STAGES.map((stage) => {
          const ms = frames.map((f) => f.stageMs[stage]);
          return [stage, { p50: percentile(ms, 50), p95: percentile(ms, 95) }];
        }),
      ),
      framesWithGc: frames.filter((f) => (f.heapDropKb ?? 0) > 0).length,
      shaderProgramsCompiledWhileMeasuring: scene.programs - programsBefore,
      betweenFrames: {
        reactCommitsPerSecond: Object.fromEntries(Object.entries(commitsByRenderer).map(([renderer, n]) => [renderer, perSecond(n)])),
        messagesPerSecond: perSecond(between.messages.length),
        messageMsPerSecond: perSecond(between.messages.reduce((sum, m) => sum + m.ms, 0)),
      },
      worstFrames: worstFrames(frames, between, WORST_FRAMES, traced),
      samplesLost: lost,
      lastFrameDrawn: { drawCalls: scene.drawCalls, triangles: scene.triangles },
      botMovesRefused: bots.refusedMoves(),
      ...(xr ? { xr: await page.evaluate(() => ({ presenting: window.__kindred!.xr.presenting, shadowsOff: window.__kindred!.xr.shadowsOff })) } : {}),
      goals: { companionAvatarUpdateP95Ms: 0.3, jsFrameP95Ms: 4 },
      machine: `${cpus().length} cores, load ${loadavg().map((n) => n.toFixed(1)).join(" ")}, Chromium with SwiftShader (software WebGL)${xr ? ", iwer's emulated Quest 3" : ""}, ${pageThreadWhat}`,
    };
  } finally {
    await browser?.close();
    await bots?.stop();
    await server.stop();
  }
}

/** `WIDTHxHEIGHT` in CSS pixels. */
export function parseViewport(text: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(text);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 160 || height < 120) throw new Error(`--viewport must be WIDTHxHEIGHT, at least 160x120, got "${text}"`);
  return { width, height };
}

/** Waits until the page shows every player's companion with its VRM loaded, reporting progress. */
async function waitForAvatars(page: Page, players: number): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const { companions, loaded } = await page.evaluate(() => {
      const all = Object.values(window.__kindred!.companions);
      return { companions: all.length, loaded: all.filter((c) => c.loaded).length };
    });
    process.stderr.write(`\r  companions in view: ${companions}/${players}, avatars loaded: ${loaded}   `);
    if (companions >= players && loaded >= players) break;
    if (Date.now() > deadline) throw new Error(`only ${loaded} of ${players} companion avatars loaded within ${LOAD_TIMEOUT_MS / 1000} s`);
    await page.waitForTimeout(1000);
  }
  process.stderr.write("\n");
}

/** Waits (reporting progress) until the renderer has gone SHADERS_SETTLED_FRAMES frames without compiling a shader program. */
async function waitForShaders(page: Page): Promise<void> {
  const deadline = Date.now() + SHADERS_SETTLE_TIMEOUT_MS;
  let programs = -1;
  let since = 0;
  for (;;) {
    const now = await page.evaluate(() => ({ frame: window.__kindred!.frame.count, programs: window.__kindred!.frame.programs }));
    if (now.programs !== programs) {
      programs = now.programs;
      since = now.frame;
    }
    process.stderr.write(`\r  shader programs: ${programs}, frames without a new one: ${now.frame - since}   `);
    if (now.frame - since >= SHADERS_SETTLED_FRAMES) break;
    if (Date.now() > deadline) {
      process.stderr.write(`\n  shaders still compiling after ${SHADERS_SETTLE_TIMEOUT_MS / 1000} s: measuring anyway`);
      break;
    }
    await page.waitForTimeout(500);
  }
  process.stderr.write("\n");
}

/** Presses Enter VR and holds the emulated headset at standing eye height, level, until the session has settled. */
async function enterVr(page: Page): Promise<void> {
  process.stderr.write("entering VR in the emulated headset …\n");
  await page.evaluate(() => {
    window.xrDevice!.position.set(0, 1.6, 0);
    window.xrDevice!.quaternion.set(0, 0, 0, 1);
  });
  await page.getByTestId("enter-vr").click();
  await page.waitForFunction(() => window.__kindred!.xr.presenting, undefined, { timeout: LOAD_TIMEOUT_MS });
  const start = await page.evaluate(() => window.__kindred!.frame.count);
  // The first frames in the session compile the shadowless shaders: not what a running session costs.
  await page.waitForFunction((until) => window.__kindred!.frame.count >= until, start + XR_SETTLE_FRAMES, { timeout: LOAD_TIMEOUT_MS });
}
