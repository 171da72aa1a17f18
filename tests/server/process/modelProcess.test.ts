import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startModelProcess, type ModelProcess } from "../../../server/process";
import type { ModelProgressEvent } from "../../../server/models";

type Echo = ModelProcess<{ pid: number }, string, string>;
const ECHO = new URL("./echoModel.ts", import.meta.url).href;
const started: Echo[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((echo) => echo.dispose()));
});

async function startEcho(options: { setup?: object; onStopped?: (reason: string) => void; onProgress?: (event: ModelProgressEvent) => void; signal?: AbortSignal } = {}): Promise<Echo> {
  const echo = await startModelProcess<{ pid: number }, string, string>({ name: "echo", module: ECHO, setup: {}, ...options });
  started.push(echo);
  return echo;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a model in a child process (TypeScript, under tsx)", () => {
  it("loads with progress, then answers requests, each with its own answer", async () => {
    const progress: ModelProgressEvent[] = [];
    const echo = await startEcho({ onProgress: (event) => progress.push(event) });
    expect(progress).toEqual([{ status: "progress", file: "echo.onnx", progress: 50 }]);
    expect(echo.info.pid).not.toBe(process.pid);
    expect(await Promise.all([echo.request("one"), echo.request("two")])).toEqual(["ONE", "TWO"]);
  });

  it("rejects a request the model refuses, and keeps answering", async () => {
    const echo = await startEcho();
    await expect(echo.request("fail")).rejects.toThrow("cannot echo that");
    expect(await echo.request("still here")).toBe("STILL HERE");
  });

  it("fails to start with the model's own reason when it cannot load", async () => {
    await expect(startEcho({ setup: { failLoad: "no weights in /models/echo" } })).rejects.toThrow("no weights in /models/echo");
  });

  it("rejects what was in flight with why the process ended, and says it stopped", async () => {
    const stopped: string[] = [];
    const echo = await startEcho({ onStopped: (reason) => stopped.push(reason) });
    const waiting = echo.request("waiting");
    await expect(echo.request("crash")).rejects.toThrow("the echo process ended (code 7)");
    // Requests are answered in order: the one before the crash was answered.
    expect(await waiting).toBe("WAITING");
    await expect(echo.request("after")).rejects.toThrow("the echo process ended (code 7)");
    expect(stopped).toEqual(["code 7"]);
    expect(alive(echo.info.pid)).toBe(false);
  });

  it("ends its process on dispose, or when the signal aborts, without calling it stopped", async () => {
    const onStopped = vi.fn();
    const disposed = await startEcho({ onStopped });
    await disposed.dispose();
    expect(alive(disposed.info.pid)).toBe(false);
    await expect(disposed.request("late")).rejects.toThrow("the echo process was shut down");

    const abort = new AbortController();
    const aborted = await startEcho({ onStopped, signal: abort.signal });
    abort.abort();
    await expect(aborted.request("late")).rejects.toThrow("the echo process was shut down");
    await vi.waitFor(() => expect(alive(aborted.info.pid)).toBe(false));
    expect(onStopped).not.toHaveBeenCalled();
  });

  it("keeps its parent alive while it loads or answers, and not once idle", async () => {
    const parent = spawn(process.execPath, ["--import", "tsx", new URL("./idleParent.ts", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    parent.stdout!.on("data", (data: Buffer) => (output += data.toString()));
    const [code] = (await once(parent, "exit")) as [number | null];
    expect(code).toBe(0);
    const [pid, answer] = output.trim().split(" ");
    expect(answer).toBe("ANSWERED");
    await vi.waitFor(() => expect(alive(Number(pid))).toBe(false), { timeout: 10_000, interval: 50 });
  }, 30_000);

  it("does not outlive the process that started it", async () => {
    const parent = spawn(process.execPath, ["--import", "tsx", new URL("./orphanedParent.ts", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [line] = (await once(parent.stdout!, "data")) as [Buffer];
      const child = Number(line.toString().trim());
      expect(alive(child)).toBe(true);
      parent.kill("SIGKILL");
      await vi.waitFor(() => expect(alive(child)).toBe(false), { timeout: 10_000, interval: 50 });
    } finally {
      parent.kill("SIGKILL");
    }
  }, 30_000);
});
