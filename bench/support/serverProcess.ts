import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ServerProcess {
  url: string;
  pid: number;
  dataDir: string;
  /** SIGTERM (a graceful stop), then deletes the data folder unless the caller gave it. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-write if it was writing; the data folder stays. */
  kill(): Promise<void>;
}

export interface ServerProcessOptions {
  /** A data folder to use and keep (a restart on the same data); default: a fresh one, deleted on stop. */
  dataDir?: string;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs the real server (`server/cli/serve.ts`) in its own process with a fresh data folder, so
 * a benchmark can measure that process alone. Resolves once it accepts requests.
 */
export async function startServerProcess(env: Record<string, string> = {}, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "kindred-bench-"));
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
    // Offline by default (no model download in a benchmark); a benchmark may pass a model directory.
    env: { ...process.env, KINDRED_EMBEDDING_MODEL: "none", KINDRED_ASR_MODEL: "none", KINDRED_TTS: "none", ...env, PORT: String(port), HOST: "127.0.0.1", KINDRED_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // However the benchmark ends, the server it started ends with it.
  const killServer = () => child.kill("SIGKILL");
  process.once("exit", killServer);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // Generous: a fresh data folder runs initdb, slow on a busy two-core machine.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r("wait"), 250))]);
    if (early !== "wait") throw new Error(`the server exited during startup (code ${String(early)})`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("the server did not answer /healthz within 180 s");
    }
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    async stop() {
      process.off("exit", killServer);
      child.kill("SIGTERM");
      await exited;
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      process.off("exit", killServer);
      child.kill("SIGKILL");
      await exited;
    },
  };
}
