import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { chromiumType, descendants, parentPid, parsePageThreadPriority, setPageThreadPriority } from "../../../bench/support/pageThreadPriority";

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
});

describe("the page's thread priority in the client bench", () => {
  it("reads the parent pid past a command name holding spaces and parentheses", () => {
    expect(parentPid("4242 (Chrome_ChildIOThread) x) S 4100 4242 1 0 -1")).toBe(4100);
    expect(() => parentPid("4242 (x) S ? 1")).toThrow(/unreadable/);
  });

  it("names Chromium's process types from their command lines, and nothing for other programs", () => {
    expect(chromiumType("/usr/lib/chromium/chromium\0--type=gpu-process\0--use-angle=swiftshader\0")).toBe("gpu-process");
    expect(chromiumType("/usr/lib/chromium/chromium --type=renderer --enable-crash-reporter=,built on Debian\0\0")).toBe("renderer");
    expect(chromiumType("/usr/lib/chromium/chromium\0--headless\0")).toBe("browser");
    expect(chromiumType("node\0--type=renderer\0")).toBe("");
  });

  it("finds children and grandchildren, and no process outside the tree", async () => {
    const child = spawn("sh", ["-c", "sleep 30 & wait"], { stdio: "ignore" });
    started.push(child);
    let grandchildren: number[] = [];
    for (let tries = 0; tries < 50 && grandchildren.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      grandchildren = descendants(child.pid!).map((p) => p.pid);
    }
    expect(grandchildren).toHaveLength(1);
    const below = descendants(process.pid).map((p) => p.pid);
    expect(below).toEqual(expect.arrayContaining([child.pid, ...grandchildren]));
    expect(below).not.toContain(process.pid);
    expect(below).not.toContain(1);
  });

  it("accepts only the known priorities, and raises nothing without a renderer", () => {
    expect(parsePageThreadPriority("realtime")).toBe("realtime");
    expect(() => parsePageThreadPriority("fifo")).toThrow(/--page-thread must be one of none, realtime, got "fifo"/);
    expect(setPageThreadPriority("none")).toMatch(/shares the cores/);
    expect(() => setPageThreadPriority("realtime")).toThrow(/no Chromium renderer/);
  });
});
