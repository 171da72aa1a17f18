import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer, type StartServerOptions } from "../../../server/app";

export interface TestServer {
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * The real server on a free loopback port with a fresh data folder, serving the client that
 * the e2e project's global setup built.
 */
export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "kindred-e2e-"));
  // No model unless a test brings one: a model running on this machine must not change results.
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    logLevel: "warn",
    llmMode: "none",
    localModel: "none",
    embeddingModel: "none",
    // Memory's own model calls (fact extraction, summaries) would take answers scripted for replies.
    memoryUsesModel: false,
    // No voice unless a test brings one: `auto` would download Kokoro and Whisper.
    ttsEngine: "none",
    asrModel: "none",
    ...options,
  });
  return {
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
