import type { Page } from "playwright-core";
import type { KindredHandle, RollingRecord } from "../../client/automation/kindredHandle";

/** What the page's automation handle recorded since a reader's last look. */
export interface FrameSamples {
  /** The handle's `written` counters to pass to the next read. */
  next: { frames: number; companionUpdates: number };
  jsMs: number[];
  avatarMs: number[];
  companionUpdateMs: number[];
  /** Entries written since the last look that the rolling record no longer held. */
  lost: number;
}

/** The entries of a rolling record written from `from` on (those still held), and how many were lost. */
function since(record: RollingRecord, values: number[], from: number): { values: number[]; lost: number } {
  const start = Math.max(from, record.written - record.capacity);
  const out: number[] = [];
  for (let i = start; i < record.written; i++) out.push(values[i % record.capacity]!);
  return { values: out, lost: start - from };
}

/** Reads the frame and companion-update records of `window.__kindred` written since `from`. */
export async function readFrameSamples(page: Page, from: FrameSamples["next"]): Promise<FrameSamples> {
  // A plain copy: functions passed to the page must not rely on helpers of this module.
  const { frames, companionUpdates } = await page.evaluate(
    () => JSON.parse(JSON.stringify({ frames: window.__kindred!.frames, companionUpdates: window.__kindred!.companionUpdates })) as Pick<KindredHandle, "frames" | "companionUpdates">,
  );
  const js = since(frames, frames.jsMs, from.frames);
  const avatar = since(frames, frames.avatarMs, from.frames);
  const companion = since(companionUpdates, companionUpdates.ms, from.companionUpdates);
  return {
    next: { frames: frames.written, companionUpdates: companionUpdates.written },
    jsMs: js.values,
    avatarMs: avatar.values,
    companionUpdateMs: companion.values,
    lost: js.lost + companion.lost,
  };
}
