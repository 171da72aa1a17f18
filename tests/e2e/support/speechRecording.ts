import type { Page } from "playwright-core";
import type { CompanionVoiceView } from "../../../client/voice/playback";
import type { Viseme, VisemeCue } from "../../../shared/speech";

/** What the page shows of one companion's speech at one moment (between two frames). */
export interface SpeechSample {
  frame: number;
  voice: Omit<CompanionVoiceView, "started" | "timeline"> & { timeline: VisemeCue[] };
  mouth: Record<Viseme, number>;
  head: { x: number; y: number; z: number };
  ears: { left: number; right: number };
}

const MOUTH: Viseme[] = ["aa", "ih", "ou", "ee", "oh"];
/** Radians the camera orbits per pixel dragged (client/player/pointerLook.ts). */
const YAW_PER_PIXEL = 0.0055;
/** Speech is over once a voice has been quiet this long (sentences may arrive with gaps). */
const QUIET_MS = 1500;

/**
 * Samples the companions `ids` every 20 ms from when the first of them starts speaking until
 * all have been quiet for a while, after `trigger` runs. One sample per frame; its `voice.level`
 * is the loudest the voice was since the previous sample.
 */
export async function recordSpeech(page: Page, ids: string[], trigger: () => Promise<void>): Promise<Record<string, SpeechSample[]>> {
  const recording = page.evaluate(
    ({ ids, quietMs, mouthNames }) =>
      new Promise<Record<string, SpeechSample[]>>((resolve, reject) => {
        const k = window.__kindred!;
        const samples: Record<string, SpeechSample[]> = Object.fromEntries(ids.map((id) => [id, []]));
        let began = false;
        let quietSince = performance.now();
        let lastFrame = -1;
        // The loudest each voice was since the last sample: a busy page renders seldom, and one
        // 10 ms reading per frame can land in a pause between words.
        const loudest: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
        const giveUp = setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`no speech from ${ids.join(", ")} within 60 s`));
        }, 60_000);
        const timer = setInterval(() => {
          const speaking = ids.filter((id) => k.voice.companions[id]?.playing);
          if (speaking.length > 0) {
            began = true;
            quietSince = performance.now();
          } else if (began && performance.now() - quietSince > quietMs) {
            clearTimeout(giveUp);
            clearInterval(timer);
            resolve(samples);
            return;
          }
          for (const id of speaking) loudest[id] = Math.max(loudest[id]!, k.voice.companions[id]!.level);
          if (k.frame.count === lastFrame) return;
          lastFrame = k.frame.count;
          const ears = { left: k.voice.ears.left, right: k.voice.ears.right };
          for (const id of speaking) {
            const { started: _started, level, ...view } = JSON.parse(JSON.stringify(k.voice.companions[id])) as CompanionVoiceView;
            const voice = { ...view, level: Math.max(level, loudest[id]!) };
            loudest[id] = 0;
            const c = k.companions[id]!;
            const mouth = Object.fromEntries(mouthNames.map((v) => [v, c.expressions[v] ?? 0])) as Record<Viseme, number>;
            samples[id]!.push({ frame: k.frame.count, voice: voice as SpeechSample["voice"], mouth, head: { ...c.head }, ears });
          }
        }, 20);
      }),
    { ids, quietMs: QUIET_MS, mouthNames: MOUTH },
  );
  await trigger();
  return recording;
}

/** Drags the camera round until the companion `id` stands 60° to one side of the page's view. */
export async function aimCameraSoThat(page: Page, id: string, side: "left" | "right", viewport: { width: number; height: number }): Promise<void> {
  const wanted = (sine: number) => (side === "right" ? sine > 0.5 : sine < -0.5);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { turn, sine } = await page.evaluate(
      ({ companionId, toTheRight }) => {
        const k = window.__kindred!;
        const head = k.companions[companionId]!.head;
        const { listener } = k.voice;
        const dx = head.x - listener.x;
        const dy = head.y - listener.y;
        const dz = head.z - listener.z;
        // The sine of the angle between the view and the companion: > 0 on the right.
        const sine = (dx * listener.right.x + dy * listener.right.y + dz * listener.right.z) / Math.hypot(dx, dy, dz);
        // The camera orbits the player: seen from there, the companion is at this yaw.
        const bearing = Math.atan2(head.x - k.self.x, head.z - k.self.z);
        const yaw = bearing + ((toTheRight ? 1 : -1) * Math.PI) / 3;
        return { turn: Math.atan2(Math.sin(yaw - k.camera.yaw), Math.cos(yaw - k.camera.yaw)), sine };
      },
      { companionId: id, toTheRight: side === "right" },
    );
    if (wanted(sine)) return;
    // Dragging right turns the view right, which lowers the orbit yaw.
    const pixels = -turn / YAW_PER_PIXEL;
    const x = viewport.width / 2 - pixels / 2;
    await page.mouse.move(x, viewport.height / 2);
    await page.mouse.down();
    await page.mouse.move(x + pixels, viewport.height / 2, { steps: 12 });
    await page.mouse.up();
    const frame = await page.evaluate(() => window.__kindred!.frame.count);
    await page.waitForFunction((after) => window.__kindred!.frame.count > after + 2, frame);
  }
  throw new Error(`could not turn the camera so that the companion stands to the ${side}`);
}

