/**
 * Chrome DevTools CPU profiles (the `.cpuprofile` JSON that CDP's Profiler.stop returns and
 * `node --cpu-prof` writes): the functions with the most self time, for a quick look at where a
 * benchmark's time goes without opening DevTools.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The shape of a DevTools CPU profile (the parts read here). */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  /** `name (file:line:column)`, or `(garbage collector)` as the profiler names it. */
  fn: string;
  selfMs: number;
  /** Share of the profile's JavaScript time (garbage collection included), in percent. */
  percent: number;
}

/**
 * Samples outside JavaScript: the page waiting (idle) and the browser's own native work
 * (program; with software WebGL most of a frame). They would drown the list.
 */
const NOT_JS = new Set(["(idle)", "(program)"]);

/** `name (file:line:column)` for a DevTools profile's call frame (CPU or heap). */
export function callFrameLabel(callFrame: ProfileNode["callFrame"]): string {
  const { functionName, url, lineNumber, columnNumber } = callFrame;
  const name = functionName || "(anonymous)";
  if (!url) return name;
  const file = url.replace(/[?#].*$/, "").split("/").pop() ?? url;
  return `${name} (${file}:${lineNumber + 1}:${columnNumber + 1})`;
}

/**
 * Self time per JavaScript function (summed over every place it was called from), the `top`
 * largest first. Time is attributed by sample: each sample's time delta goes to the node it landed in.
 */
export function topSelfTime(profile: CpuProfile, top = 20): SelfTime[] {
  if (!Array.isArray(profile.nodes) || profile.nodes.length === 0) throw new Error("not a CPU profile: no nodes");
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) byId.set(node.id, node);
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    // timeDeltas[i + 1] is the time from sample i to the next one: the function sample i landed in ran for it.
    const us = deltas[i + 1] ?? 0;
    const key = callFrameLabel(node.callFrame);
    selfUs.set(key, (selfUs.get(key) ?? 0) + Math.max(0, us));
  }
  let jsUs = 0;
  for (const [fn, us] of selfUs) if (!NOT_JS.has(fn)) jsUs += us;
  return [...selfUs]
    .filter(([fn]) => !NOT_JS.has(fn))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, selfMs: Math.round(us) / 1000, percent: jsUs > 0 ? Math.round((us / jsUs) * 1000) / 10 : 0 }));
}

/** The table {@link topSelfTime} returns, as aligned text lines. */
export function formatSelfTime(rows: readonly SelfTime[]): string {
  return rows.map((r) => `${r.selfMs.toFixed(1).padStart(9)} ms ${r.percent.toFixed(1).padStart(5)} %  ${r.fn}`).join("\n");
}
