import { mkdirSync } from "node:fs";
import path from "node:path";
import { startServer, type RunningServer, type StartServerOptions } from "../../../server/app";
import { openTestDatabase } from "./database";
import { freePort } from "./freePort";
import { makeTempDir } from "./tempDir";
import { fixtureWorlds, writeWorlds } from "./worldFixtures";

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server and deletes its temp folders. */
  stop(): Promise<void>;
}

/**
 * A real server on a free port with the alpha/beta fixture worlds, a temp data folder and an
 * in-memory database. One per test file: Colyseus' matchmaker is one per process.
 */
export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const temp = makeTempDir("kindred-server-");
  const worldsDir = path.join(temp.path, "worlds");
  mkdirSync(worldsDir);
  writeWorlds(worldsDir, fixtureWorlds());
  const server = await startServer({
    port: await freePort(),
    host: "127.0.0.1",
    dataDir: path.join(temp.path, "data"),
    worldsDir,
    defaultWorld: "alpha",
    logLevel: "silent",
    clientDir: path.join(temp.path, "no-client"),
    database: options.database ?? (await openTestDatabase()),
    // Never whatever model happens to run on the test machine; tests that talk pass their own.
    llmMode: "none",
    // Tests never download: a test that wants embeddings passes a model directory it built.
    embeddingModel: "none",
    // Nor the embedded language model: `auto` would otherwise download the default one.
    localModel: "none",
    // Memory's own model calls (facts, summaries) would take scripted answers meant for replies.
    memoryUsesModel: false,
    // No voice unless a test brings one: `auto` would download Kokoro and Whisper.
    ttsEngine: "none",
    asrModel: "none",
    ...options,
  });
  return {
    ...server,
    dataDir: server.config.dataDir,
    async stop() {
      await server.close();
      temp.remove();
    },
  };
}

/** Signs in a guest over HTTP; returns the token. */
export async function guestToken(url: string, name: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/guest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw new Error(`guest sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
