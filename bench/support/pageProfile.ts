import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { topSelfTime, type CpuProfile, type SelfTime } from "./cpuProfile";

/** Microseconds between the profiler's samples: fine enough to see a 1 ms function in a few seconds. */
const SAMPLING_INTERVAL_US = 200;

export interface PageProfile {
  /** Stops recording, writes the profile to `file` (open it in DevTools' Performance panel) and returns its top self times. */
  stop(file: string, top?: number): Promise<SelfTime[]>;
}

/** Starts recording a CPU profile of the page's main thread through the Chrome DevTools Protocol. */
export async function startPageProfile(page: Page): Promise<PageProfile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
  await cdp.send("Profiler.start");
  return {
    async stop(file, top = 25) {
      const { profile } = await cdp.send("Profiler.stop");
      await cdp.detach();
      writeFileSync(file, JSON.stringify(profile));
      return topSelfTime(profile as CpuProfile, top);
    },
  };
}
