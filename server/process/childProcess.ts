import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The plain-JS entry that registers tsx, then runs the TypeScript module its first argument names:
 * for a child process, or a worker thread given `argv: [module]` (a thread gets no loader hooks).
 */
export const TYPESCRIPT_ENTRY = new URL("./bootstrap.mjs", import.meta.url);

export interface ChildProcessOptions<FromChild> {
  /** File URL of the TypeScript module the child runs (it talks back through connectToParent). */
  module: string;
  /** What the child starts with (connectToParent().setup): plain JSON values. */
  setup: unknown;
  onMessage(message: FromChild): void;
  /** Called once, when the process has ended or could not start: "code 7", "SIGKILL" or the error. */
  onExit(reason: string): void;
}

/** The parent's handle on one child process. */
export interface ChildProcessHandle<ToChild> {
  /** Dropped once the process has gone (its onExit says why). */
  send(message: ToChild): void;
  /** Whether the child keeps this process alive: while it works for someone, yes; idle, no. */
  hold(busy: boolean): void;
  /** Kills the child and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript module in a child process of its own, under tsx whether this process runs
 * under `npm start`, vitest or plain Node. Messages use Node's "advanced" serialisation
 * (structured clone: typed arrays travel as binary, not JSON). The child exits when this process
 * dies (connectToParent). It starts held; the owner unholds it when idle.
 */
export function startChildProcess<ToChild, FromChild>({ module, setup, onMessage, onExit }: ChildProcessOptions<FromChild>): ChildProcessHandle<ToChild> {
  const child = fork(fileURLToPath(TYPESCRIPT_ENTRY), [module, JSON.stringify(setup)], {
    execArgv: [],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let exited = false;
  const ended = (reason: string) => {
    if (exited) return;
    exited = true;
    onExit(reason);
  };
  child.on("message", (message) => onMessage(message as FromChild));
  // "error": it could not be spawned, or killed; an "exit" may follow, or not.
  child.on("error", (error) => ended(error.message));
  child.on("exit", (code, signal) => ended(signal ?? `code ${code}`));

  const hold = (busy: boolean) => {
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };
  return {
    send(message) {
      if (child.connected) child.send(message as object);
    },
    hold,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      // An idle child is unreferenced: waiting for its exit must keep this process running.
      hold(true);
      child.kill();
      await gone;
    },
  };
}
