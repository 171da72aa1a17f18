/**
 * Chrome DevTools sampling heap profiles (`.heapprofile`, what CDP's HeapProfiler.stopSampling
 * returns) taken with the collected objects kept in: where a page's garbage is allocated, by
 * function, for a quick look without opening DevTools.
 */
import { callFrameLabel } from "./cpuProfile";

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  /** Bytes sampled as allocated in this function itself (an estimate scaled from the samples). */
  selfSize: number;
  children?: AllocationNode[];
}

/** The shape of a sampling heap profile (the parts read here). */
export interface AllocationProfile {
  head: AllocationNode;
}

export interface AllocationSite {
  /** `name (file:line:column)`. */
  fn: string;
  kb: number;
  /** Share of all allocation sampled, in percent. */
  percent: number;
}

/** Bytes allocated per function (summed over every place it was called from), the `top` largest first. */
export function topAllocationSites(profile: AllocationProfile, top = 20): AllocationSite[] {
  if (!profile?.head) throw new Error("not a sampling heap profile: no head node");
  const bytes = new Map<string, number>();
  let total = 0;
  const stack: AllocationNode[] = [profile.head];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.selfSize > 0) {
      const key = callFrameLabel(node.callFrame);
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    if (node.children) stack.push(...node.children);
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, size]) => ({ fn, kb: Math.round(size / 102.4) / 10, percent: total > 0 ? Math.round((size / total) * 1000) / 10 : 0 }));
}

/** The table {@link topAllocationSites} returns, as aligned text lines. */
export function formatAllocationSites(rows: readonly AllocationSite[]): string {
  return rows.map((r) => `${r.kb.toFixed(1).padStart(10)} KB ${r.percent.toFixed(1).padStart(5)} %  ${r.fn}`).join("\n");
}
