import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Who may take the page's core while its frame JS runs. Without a GPU, SwiftShader draws on the
 * CPU in the GPU process's threads and takes the core away mid-frame, which on a machine with a
 * GPU it never would; so would any other program on a shared machine.
 * - `none`: the scheduler decides;
 * - `realtime`: the page's renderer main thread alone runs at the lowest real-time priority
 *   (SCHED_FIFO 1), so no ordinary thread preempts it. Its own work (garbage collection and
 *   compilation on that thread included) is all still counted, it still blocks when it waits,
 *   and Linux keeps real-time threads below 95 % of each second, so the rest cannot starve.
 */
export const PAGE_THREAD_PRIORITIES = ["none", "realtime"] as const;
export type PageThreadPriority = (typeof PAGE_THREAD_PRIORITIES)[number];

const CHRT = "/usr/bin/chrt";

/** A process descended from the bench, with its Chromium process type (`--type=`; "browser" for Chromium's own, "" for others). */
export interface BenchProcess {
  pid: number;
  chromiumType: string;
}

export function parsePageThreadPriority(text: string): PageThreadPriority {
  const priority = PAGE_THREAD_PRIORITIES.find((p) => p === text);
  if (!priority) throw new Error(`--page-thread must be one of ${PAGE_THREAD_PRIORITIES.join(", ")}, got "${text}"`);
  return priority;
}

/** The parent pid in a /proc/<pid>/stat line (the command name in parentheses may hold spaces). */
export function parentPid(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ppid = Number(fields[1]);
  if (!Number.isInteger(ppid)) throw new Error(`unreadable /proc stat line: "${stat.slice(0, 80)}"`);
  return ppid;
}

/**
 * Chromium's process type from its /proc command line: `--type=` or "browser"; "" when it is not
 * Chromium. Chromium's child processes rewrite theirs as one space-separated string.
 */
export function chromiumType(cmdline: string): string {
  const args = cmdline.split(/[\0 ]/).filter(Boolean);
  if (!/chrom/i.test(args[0] ?? "")) return "";
  const type = args.find((a) => a.startsWith("--type="));
  return type ? type.slice("--type=".length) : "browser";
}

/** Every live process below `ancestor` in the process tree. */
export function descendants(ancestor: number): BenchProcess[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (stat) parents.set(Number(entry), parentPid(stat));
  }
  const below = new Set([ancestor]);
  // Parents come before children only by chance: repeat until no process joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (below.has(pid) || !below.has(ppid)) continue;
      below.add(pid);
      grew = true;
    }
  }
  below.delete(ancestor);
  return [...below].map((pid) => ({ pid, chromiumType: chromiumType(readProc(`/proc/${pid}/cmdline`) ?? "") }));
}

/** A /proc file's text, or undefined when the process ended while being read. */
function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Applies `priority` to the main thread of every Chromium renderer the bench started (threads
 * they start later stay ordinary); returns what was done, in words, for the machine description.
 * Where real-time priority is refused (no CAP_SYS_NICE), it says so and leaves the scheduler alone.
 */
export function setPageThreadPriority(priority: PageThreadPriority): string {
  if (priority === "none") return "page's thread shares the cores with rendering";
  const renderers = descendants(process.pid).filter((p) => p.chromiumType === "renderer");
  if (renderers.length === 0) throw new Error("no Chromium renderer process found below the bench: no page thread to raise");
  try {
    for (const renderer of renderers) execFileSync(CHRT, ["--fifo", "--reset-on-fork", "-p", "1", String(renderer.pid)], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const why = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    return `real-time priority for the page's thread refused (${why}): it shares the cores with rendering`;
  }
  return "page's thread at real-time priority (SCHED_FIFO 1): no ordinary thread, rendering's included, preempts it";
}
