import type { ModelProgressEvent } from "../models";
import { startChildProcess } from "./childProcess";
import type { FromModelProcess, ToModelProcess } from "./modelProcessProtocol";

export interface ModelProcessOptions {
  /** What runs there, for errors: "Whisper" gives "the Whisper process ended (SIGKILL)". */
  name: string;
  /** File URL of the module the process runs: one that calls serveModel. */
  module: string;
  /** What serveModel's load gets: plain JSON values. */
  setup: unknown;
  onProgress?: (event: ModelProgressEvent) => void;
  /** Aborting stops the process: a load in progress rejects, requests in flight too. */
  signal?: AbortSignal;
  /** Called once if the process ends by itself after it was ready: it answers no more. */
  onStopped?: (reason: string) => void;
}

/** A model running in its own process, ready to answer. */
export interface ModelProcess<Ready, Request, Response> {
  /** What the process said when it became ready (the model's languages, its dimension…). */
  readonly info: Ready;
  /** Rejects with the process' own error, or with why it ended if it ended first. */
  request(request: Request): Promise<Response>;
  dispose(): Promise<void>;
}

interface Pending<Response> {
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
}

/**
 * Starts a model in a child process (startChildProcess) and resolves once it has loaded, so that a
 * model run (onnxruntime-node runs a session synchronously on the calling thread) never holds up
 * this process' event loop. The process keeps this one alive only while it loads or answers. If
 * it ends, whatever was in flight rejects with why ("the Whisper process ended (SIGKILL)") and onStopped
 * is called: starting it again is the owner's choice.
 */
export function startModelProcess<Ready, Request, Response>({ name, module, setup, onProgress, signal, onStopped }: ModelProcessOptions): Promise<ModelProcess<Ready, Request, Response>> {
  return new Promise((resolveLoad, rejectLoad) => {
    const pending = new Map<number, Pending<Response>>();
    let nextId = 0;
    let ready = false;
    let stopped: Error | undefined;

    const stop = (error: Error) => {
      if (stopped) return;
      stopped = error;
      rejectLoad(error);
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    };
    const child = startChildProcess<ToModelProcess<Request>, FromModelProcess<Ready, Response>>({
      module,
      setup,
      onMessage(message) {
        if (message.type === "progress") onProgress?.(message.event);
        else if (message.type === "load-failed") stop(new Error(message.message));
        else if (message.type === "ready") {
          ready = true;
          child.hold(false);
          resolveLoad({ info: message.info, request, dispose });
        } else {
          const request = pending.get(message.id);
          pending.delete(message.id);
          if (pending.size === 0) child.hold(false);
          if (message.type === "response") request?.resolve(message.response);
          else request?.reject(new Error(message.message));
        }
      },
      onExit(reason) {
        const wasReady = ready && !stopped;
        stop(new Error(`the ${name} process ended (${reason})`));
        if (wasReady) onStopped?.(reason);
      },
    });

    async function dispose(): Promise<void> {
      stop(new Error(`the ${name} process was shut down`));
      await child.stop();
    }
    if (signal?.aborted) void dispose();
    signal?.addEventListener("abort", () => void dispose(), { once: true });

    function request(body: Request): Promise<Response> {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.hold(true);
        child.send({ type: "request", id, request: body });
      });
    }
  });
}
