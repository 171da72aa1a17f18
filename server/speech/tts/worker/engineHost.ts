import { Worker } from "node:worker_threads";
import { TYPESCRIPT_ENTRY, startChildProcess } from "../../../process";
import type { FromWorker, ToWorker, WorkerSetup } from "./workerProtocol";

/**
 * Where an engine runs off the room's event loop. `thread`: a worker thread, sentences come back
 * as transferred buffers. `process`: a child process, for engines on onnxruntime-node: its native
 * binding (1.21) corrupts the heap of the whole process when a thread that loaded it ends
 * ("free(): invalid pointer"; measured here), and a thread that loads it first keeps every other
 * thread from loading it. A process can end, crash and restart on its own.
 */
export type Isolation = "thread" | "process";

/** What the engine hears from its host: messages, then at most one `onStopped` with why it ended. */
export interface EngineHostListener {
  onMessage(message: FromWorker): void;
  onStopped(reason: string): void;
}

/** One running host, as the engine sees it. */
export interface EngineHost {
  send(message: ToWorker): void;
  /** Whether the host keeps this process alive: while it loads or speaks, yes; idle, no. */
  hold(busy: boolean): void;
  stop(): Promise<void>;
}

const TTS_WORKER = new URL("./ttsWorker.ts", import.meta.url).href;

export function startEngineHost(isolation: Isolation, setup: WorkerSetup, listener: EngineHostListener): EngineHost {
  return isolation === "thread" ? threadHost(setup, listener) : processHost(setup, listener);
}

function threadHost(setup: WorkerSetup, { onMessage, onStopped }: EngineHostListener): EngineHost {
  const worker = new Worker(TYPESCRIPT_ENTRY, { argv: [TTS_WORKER], workerData: setup });
  worker.on("message", onMessage);
  worker.on("error", (error) => onStopped(error.message));
  worker.on("exit", (code) => onStopped(`it exited with code ${code}`));
  return {
    send: (message) => worker.postMessage(message),
    hold: (busy) => (busy ? worker.ref() : worker.unref()),
    stop: async () => {
      await worker.terminate();
    },
  };
}

function processHost(setup: WorkerSetup, { onMessage, onStopped }: EngineHostListener): EngineHost {
  const child = startChildProcess<ToWorker, FromWorker>({
    module: TTS_WORKER,
    setup,
    onMessage,
    onExit: (reason) => onStopped(`it exited with ${reason}`),
  });
  return { send: child.send, hold: child.hold, stop: child.stop };
}
