import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { CLOCK_MARK, type TraceEvent } from "./frameThreadTime";

/**
 * What the trace records: the page's frame marks (devtools.timeline's TimeStamp), the clock
 * mark (user timing) and every thread's top-level tasks (toplevel), each with thread CPU time.
 */
const CATEGORIES = ["devtools.timeline", "blink.user_timing", "toplevel", "__metadata"];

/** Room for a minute of every thread's tasks several times over; a full buffer drops the newest events, never the clock mark. */
const TRACE_BUFFER_KB = 200_000;

export interface PageTrace {
  /** Stops recording and returns the events; writes them to `file` when given (open it in DevTools' Performance panel or Perfetto). */
  stop(file?: string): Promise<TraceEvent[]>;
}

/**
 * Makes the page mark each frame in Chrome's trace (FrameTiming reads the flag when it loads);
 * call before the page loads.
 */
export async function markFramesInTrace(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__kindredMarkFrames = true;
  });
}

/** Starts a browser-wide Chrome trace through the DevTools Protocol, and marks the page's clock in it. */
export async function startPageTrace(browser: Browser, page: Page): Promise<PageTrace> {
  const cdp = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: { recordMode: "recordUntilFull", traceBufferSizeInKb: TRACE_BUFFER_KB, includedCategories: CATEGORIES } });
  await page.evaluate((name) => void performance.mark(name), CLOCK_MARK);
  return {
    async stop(file) {
      await cdp.send("Tracing.end");
      await complete;
      await cdp.detach();
      if (file) writeFileSync(file, JSON.stringify({ traceEvents: events }));
      return events;
    },
  };
}
