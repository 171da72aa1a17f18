import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerSetup } from "./workerProtocol";

/**
 * Where an engine runs off the room's event loop. `thread`: a worker thread, sentences come back
 * as transferred buffers. `process`: a child process, for engines on onnxruntime-node: its native
 * binding (1.21) corrupts the heap of the whole process when a thread that loaded it ends
 * ("free(): invalid pointer"; measured here), and a thread that loads it first keeps every other
 * thread from loading it. A process can end, crash and restart on its own.
 */
export type Isolation = "thread" | "process";

/** One running host, as the engine sees it. */
export interface EngineHost {
  send(message: ToWorker): void;
  /** Messages from the engine, then at most one `stopped` with why it ended. */
  listen(onMessage: (message: FromWorker) => void, onStopped: (reason: string) => void): void;
  /** Whether the host keeps this process alive: while it loads or speaks, yes; idle, no. */
  hold(busy: boolean): void;
  stop(): Promise<void>;
}

const BOOTSTRAP = new URL("./bootstrap.mjs", import.meta.url);

export function startEngineHost(isolation: Isolation, setup: WorkerSetup): EngineHost {
  return isolation === "thread" ? threadHost(setup) : processHost(setup);
}

function threadHost(setup: WorkerSetup): EngineHost {
  const worker = new Worker(BOOTSTRAP, { workerData: setup });
  return {
    send: (message) => worker.postMessage(message),
    listen(onMessage, onStopped) {
      worker.on("message", onMessage);
      worker.on("error", (error) => onStopped(error.message));
      worker.on("exit", (code) => onStopped(`it exited with code ${code}`));
    },
    hold: (busy) => (busy ? worker.ref() : worker.unref()),
    stop: async () => {
      await worker.terminate();
    },
  };
}

function processHost(setup: WorkerSetup): EngineHost {
  // No inherited flags: the bootstrap registers tsx itself, and a debugger port would clash.
  const child = fork(fileURLToPath(BOOTSTRAP), [JSON.stringify(setup)], {
    execArgv: [],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    listen(onMessage, onStopped) {
      child.on("message", (message) => onMessage(message as FromWorker));
      child.on("error", (error) => onStopped(error.message));
      child.on("exit", (code, signal) => onStopped(`it exited with ${signal ?? `code ${code}`}`));
    },
    hold(busy) {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // An idle child is unreferenced: waiting for its exit must keep this process running.
      child.ref();
      child.kill();
      await exited;
    },
  };
}
