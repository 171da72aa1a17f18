import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { topAllocationSites, type AllocationProfile, type AllocationSite } from "./allocationProfile";
import { topSelfTime, type CpuProfile, type SelfTime } from "./cpuProfile";

/** Microseconds between the profiler's samples: fine enough to see a 1 ms function in a few seconds. */
const SAMPLING_INTERVAL_US = 200;
/** Mean bytes between allocation samples: V8's default, fine enough to rank sites over many seconds. */
const ALLOCATION_SAMPLING_BYTES = 32 * 1024;

export interface PageProfile<Row> {
  /** Stops recording, writes the profile to `file` (open it in DevTools) and returns its top rows. */
  stop(file: string, top?: number): Promise<Row[]>;
}

/** Starts recording a CPU profile of the page's main thread through the Chrome DevTools Protocol. */
export async function startPageProfile(page: Page): Promise<PageProfile<SelfTime>> {
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

/**
 * Starts sampling where the page allocates, garbage included (objects that minor and major
 * collections freed stay in the profile): what makes the collections that land in frames.
 */
export async function startPageAllocationProfile(page: Page): Promise<PageProfile<AllocationSite>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.startSampling", {
    samplingInterval: ALLOCATION_SAMPLING_BYTES,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    async stop(file, top = 25) {
      const { profile } = await cdp.send("HeapProfiler.stopSampling");
      await cdp.detach();
      writeFileSync(file, JSON.stringify(profile));
      return topAllocationSites(profile as AllocationProfile, top);
    },
  };
}
