/**
 * `npm run bench -- client [--players 10] [--seconds 10] [--world plaza] [--xr] [--profile file.cpuprofile]`
 *
 * The real server in its own process, headless Chromium (one page: the person whose frames are
 * measured) and players − 1 SDK bots strolling around the same world, each with its companion.
 * Once every avatar has loaded, records for `seconds` the JS time of each frame's update stages
 * (everything before rendering), the part spent updating avatars, and each companion avatar's
 * own update time, from the page's `window.__kindred`. `--xr` measures the same inside an
 * immersive-vr session of an emulated Quest 3 (iwer), with the headset's frame budget applied.
 * `--profile` records a CPU profile of the page over the measured seconds (DevTools format; the
 * sampling itself slows the page a little) and prints its top self-time functions to stderr.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { buildClient, clientBuildReason } from "../server/cli/clientBuild";
import { launchChromium } from "../tests/e2e/support/chromium";
import { installEmulatedHeadset } from "../tests/e2e/support/emulatedHeadset";
import { formatSelfTime } from "./support/cpuProfile";
import { readFrameSamples, type FrameSamples } from "./support/frameRecord";
import { startPageProfile } from "./support/pageProfile";
import { percentile } from "./support/processStats";
import { startServerProcess } from "./support/serverProcess";
import { startWalkingBots, type WalkingBots } from "./support/walkingBots";

const VIEWPORT = { width: 960, height: 540 };
const LOAD_TIMEOUT_MS = 180_000;
const WARM_UP_MS = 2000;
/** Frames rendered in the headset session before measuring. */
const XR_SETTLE_FRAMES = 5;

export async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      players: { type: "string", default: "10" },
      seconds: { type: "string", default: "10" },
      world: { type: "string", default: "plaza" },
      xr: { type: "boolean", default: false },
      profile: { type: "string" },
    },
  });
  const players = Number(values.players);
  const seconds = Number(values.seconds);
  const world = String(values.world);
  const xr = values.xr === true;
  const profileFile = values.profile;
  if (!Number.isInteger(players) || players < 1 || !(seconds > 0)) throw new Error("--players must be a whole number ≥ 1 and --seconds positive");

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
    bots = await startWalkingBots(server.url, world, players - 1);
    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    if (xr) await installEmulatedHeadset(page);
    process.stderr.write("the measured person joins in Chromium …\n");
    await page.goto(`${server.url}/?world=${world}`);
    await page.getByTestId("name-input").fill("Measured");
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: LOAD_TIMEOUT_MS });
    await waitForAvatars(page, players);
    if (xr) await enterVr(page);

    await page.waitForTimeout(WARM_UP_MS);
    let since = (await readFrameSamples(page, { frames: 0, companionUpdates: 0 })).next;
    const samples: Omit<FrameSamples, "next"> = { jsMs: [], avatarMs: [], companionUpdateMs: [], lost: 0 };
    const profile = profileFile ? await startPageProfile(page) : undefined;
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      await page.waitForTimeout(Math.min(1000, Math.max(0, end - performance.now())));
      const read = await readFrameSamples(page, since);
      since = read.next;
      samples.jsMs.push(...read.jsMs);
      samples.avatarMs.push(...read.avatarMs);
      samples.companionUpdateMs.push(...read.companionUpdateMs);
      samples.lost += read.lost;
      const elapsed = Math.min(seconds, (performance.now() - started) / 1000);
      process.stderr.write(`\r  ${elapsed.toFixed(1)}/${seconds} s: ${samples.jsMs.length} frames   `);
    }
    const wallSeconds = (performance.now() - started) / 1000;
    process.stderr.write("\n");
    if (profile && profileFile) {
      const top = await profile.stop(profileFile);
      process.stderr.write(`CPU profile written to ${profileFile}; top self time:\n${formatSelfTime(top)}\n`);
    }
    const scene = await page.evaluate(() => ({
      drawCalls: window.__kindred!.frame.drawCalls,
      triangles: window.__kindred!.frame.triangles,
      companions: Object.keys(window.__kindred!.companions).length,
      loaded: Object.values(window.__kindred!.companions).filter((c) => c.loaded).length,
      players: Object.keys(window.__kindred!.players).length + 1,
    }));
    return {
      variant: xr ? "xr" : "desktop",
      players: scene.players,
      companions: scene.companions,
      companionAvatarsLoaded: scene.loaded,
      seconds: Math.round(wallSeconds * 10) / 10,
      frames: samples.jsMs.length,
      fps: Math.round((samples.jsMs.length / wallSeconds) * 10) / 10,
      jsFrameMs: { p50: percentile(samples.jsMs, 50), p95: percentile(samples.jsMs, 95) },
      avatarUpdateMsPerFrame: { p50: percentile(samples.avatarMs, 50), p95: percentile(samples.avatarMs, 95) },
      companionAvatarUpdateMs: { p50: percentile(samples.companionUpdateMs, 50), p95: percentile(samples.companionUpdateMs, 95) },
      samplesLost: samples.lost,
      lastFrameDrawn: { drawCalls: scene.drawCalls, triangles: scene.triangles },
      botMovesRefused: bots.refusedMoves(),
      ...(xr ? { xr: await page.evaluate(() => ({ presenting: window.__kindred!.xr.presenting, shadowsOff: window.__kindred!.xr.shadowsOff })) } : {}),
      goals: { companionAvatarUpdateP95Ms: 0.3, jsFrameP95Ms: 4 },
      machine: `${cpus().length} cores, Chromium with SwiftShader (software WebGL)${xr ? ", iwer's emulated Quest 3" : ""}`,
    };
  } finally {
    await browser?.close();
    await bots?.stop();
    await server.stop();
  }
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
