import type { Page } from "playwright-core";
import { FRAME_STAGES, type FrameStage } from "../../client/automation/frameLedger";

/** One frame as the page's frame record holds it. */
export interface FrameSample {
  /** performance.now() in the page when the frame's first stage began. */
  startedAt: number;
  jsMs: number;
  avatarMs: number;
  companionAvatarMs: number;
  avatarsUpdated: number;
  slowestAvatarMs: number;
  /** KB the heap shrank by during the frame (a garbage collection ran in it); null: not reported. */
  heapDropKb: number | null;
  stageMs: Record<FrameStage, number>;
}

/** What the page's automation handle recorded since a reader's last look. */
export interface FrameSamples {
  /** The handle's `written` counters to pass to the next read. */
  next: { frames: number; companionUpdates: number };
  frames: FrameSample[];
  companionUpdateMs: number[];
  /** Entries written since the last look that the rolling record no longer held. */
  lost: number;
}

/** The entries of each column written from `from` on (those still held), read inside the page. */
interface NewEntries {
  written: number;
  lost: number;
  columns: Record<string, unknown[]>;
}

/**
 * Reads the frame and companion-update records of `window.__kindred` written since `from`.
 * Only the new entries cross over: copying the whole record every second would make garbage in
 * the page, and the collections it causes land in the frames being measured.
 */
export async function readFrameSamples(page: Page, from: FrameSamples["next"]): Promise<FrameSamples> {
  // Functions passed to the page must not rely on helpers of this module, nor name functions of
  // their own (the bench's compiler would wrap them in a helper the page does not have).
  const [frames, companions] = await page.evaluate(
    ({ framesFrom, companionsFrom }): NewEntries[] => {
      const f = window.__kindred!.frames;
      const c = window.__kindred!.companionUpdates;
      const { capacity: _capacity, written: _written, stageMs, ...perFrame } = f;
      const stageColumns = Object.fromEntries(Object.entries(stageMs).map(([stage, values]) => [`stage:${stage}`, values]));
      const reads = [
        { record: f, from: framesFrom, columns: { ...perFrame, ...stageColumns } as Record<string, unknown[]> },
        { record: c, from: companionsFrom, columns: { ms: c.ms } as Record<string, unknown[]> },
      ];
      return reads.map(({ record, from, columns }) => {
        const start = Math.max(from, record.written - record.capacity);
        const out: Record<string, unknown[]> = {};
        for (const [name, values] of Object.entries(columns)) {
          const taken: unknown[] = [];
          for (let i = start; i < record.written; i++) taken.push(values[i % record.capacity]);
          out[name] = taken;
        }
        return { written: record.written, lost: start - from, columns: out };
      });
    },
    { framesFrom: from.frames, companionsFrom: from.companionUpdates },
  );
  return {
    next: { frames: frames!.written, companionUpdates: companions!.written },
    frames: framesFrom(frames!),
    companionUpdateMs: companions!.columns.ms as number[],
    lost: frames!.lost + companions!.lost,
  };
}

function framesFrom(entries: NewEntries): FrameSample[] {
  const column = (name: string) => entries.columns[name] as number[];
  return column("jsMs").map((jsMs, i) => {
    const stageMs = {} as Record<FrameStage, number>;
    for (const stage of FRAME_STAGES) stageMs[stage] = column(`stage:${stage}`)[i]!;
    return {
      startedAt: column("startedAt")[i]!,
      jsMs,
      avatarMs: column("avatarMs")[i]!,
      companionAvatarMs: column("companionAvatarMs")[i]!,
      avatarsUpdated: column("avatarsUpdated")[i]!,
      slowestAvatarMs: column("slowestAvatarMs")[i]!,
      heapDropKb: (entries.columns.heapDropKb![i] as number | null) ?? null,
      stageMs,
    };
  });
}
