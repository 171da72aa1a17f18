import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { WhisperLoader, WhisperModel } from "./whisperModel";
import type { FromWhisperProcess, ToWhisperProcess, WhisperProcessData } from "./whisperProcessProtocol";

const BOOTSTRAP = fileURLToPath(new URL("./whisperProcessBootstrap.mjs", import.meta.url));

interface Pending {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

/**
 * Loads Whisper in a child process of its own and talks to it (see whisperProcess.ts for why not
 * this thread or a worker thread): the rooms' event loop stays free while a segment is transcribed.
 * Samples travel as structured clones ("advanced" serialisation), not JSON.
 */
export const loadWhisperInChildProcess: WhisperLoader = ({ model, cacheDir, onProgress, signal, onStopped }) =>
  new Promise<WhisperModel>((resolveLoad, rejectLoad) => {
    const data: WhisperProcessData = { model, cacheDir };
    const child = fork(BOOTSTRAP, [JSON.stringify(data)], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    // An idle recognizer that nobody disposed must not keep a CLI process alive; a transcription
    // or a shutdown in flight must (or Node could exit with it unanswered).
    const keepAlive = (busy: boolean) => {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    };
    keepAlive(false);
    const pending = new Map<number, Pending>();
    let nextId = 0;
    let stopped: Error | undefined;
    let ready = false;

    const stop = (error: Error) => {
      if (stopped) return;
      stopped = error;
      if (ready) onStopped?.(error.message);
      rejectLoad(stopped);
      for (const request of pending.values()) request.reject(stopped);
      pending.clear();
    };
    const dispose = async () => {
      ready = false;
      stop(new Error("speech recognition was shut down"));
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      keepAlive(true);
      child.kill();
      await exited;
    };
    signal?.addEventListener("abort", () => void dispose(), { once: true });
    child.on("error", stop);
    child.on("exit", (code, killedBy) => stop(new Error(`its process ended (${killedBy ?? `exit code ${code}`})`)));
    child.on("message", (message: FromWhisperProcess) => {
      switch (message.type) {
        case "progress":
          onProgress?.(message.event);
          break;
        case "failed":
          stop(new Error(message.message));
          child.kill();
          break;
        case "ready":
          ready = true;
          resolveLoad({ languages: message.languages && new Set(message.languages), transcribe, dispose });
          break;
        case "transcript":
        case "transcribe-failed": {
          const request = pending.get(message.id);
          pending.delete(message.id);
          if (pending.size === 0) keepAlive(false);
          if (message.type === "transcript") request?.resolve(message.text);
          else request?.reject(new Error(message.message));
        }
      }
    });

    function transcribe(samples: Float32Array, language: string | undefined): Promise<string> {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        if (pending.size === 0) keepAlive(true);
        pending.set(id, { resolve, reject });
        child.send({ type: "transcribe", id, samples, language } satisfies ToWhisperProcess);
      });
    }
  });
