import { spawn } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORLD_ROOM } from "../../shared/protocol";
import { WorldState } from "../../shared/state";
import { startServer, type RunningServer } from "../../server/app";
import { freePort } from "./support/freePort";
import { makeTempDir } from "./support/tempDir";
import { fixtureWorlds, writeWorlds } from "./support/worldFixtures";

// The real thing: on-disk PGlite in a temp data folder, real HTTP and WebSockets on one port.
let temp: ReturnType<typeof makeTempDir>;
let worldsDir: string;
let dataDir: string;

beforeAll(() => {
  temp = makeTempDir("kindred-app-");
  worldsDir = path.join(temp.path, "worlds");
  dataDir = path.join(temp.path, "data");
  mkdirSync(worldsDir);
  writeWorlds(worldsDir, fixtureWorlds());
});
afterAll(() => temp.remove());

async function start(): Promise<RunningServer> {
  return startServer({
    port: await freePort(),
    host: "127.0.0.1",
    dataDir,
    worldsDir,
    defaultWorld: "alpha",
    logLevel: "silent",
    clientDir: path.join(temp.path, "no-client"),
    // Tests never download: `auto` would fetch the default embedded model.
    localModel: "none",
    embeddingModel: "none",
  });
}

describe("startServer", () => {
  let token: string;
  let userId: string;

  // The first start runs initdb on disk: seconds on an idle machine, far more on a busy CI one.
  it("creates the data folder, signs in a guest over HTTP and joins a room over WebSocket", { timeout: 120_000 }, async () => {
    const server = await start();
    try {
      expect(statSync(path.join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);
      expect(existsSync(path.join(dataDir, "db"))).toBe(true);

      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ ok: true });
      const auth = await fetch(`${server.url}/api/auth/guest`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Ann" }),
      });
      expect(auth.status).toBe(200);
      ({ token, userId } = (await auth.json()) as { token: string; userId: string });

      const room = await new Client(server.url).joinOrCreate(WORLD_ROOM, { token, world: "alpha" }, WorldState);
      await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
      expect(room.state.players.get(room.sessionId)?.userId).toBe(userId);
      expect((await (await fetch(`${server.url}/healthz`)).json()) as object).toMatchObject({ rooms: 1, clients: 1 });
      await room.leave(true);

      // Colyseus' own catch-all HTTP handler is gone: Hono answers everything but /matchmake.
      const root = await fetch(`${server.url}/`);
      expect(root.status).toBe(503);
      expect(await root.json()).toEqual({ error: expect.stringMatching(/web client is not built/) });
    } finally {
      await server.close();
    }
  });

  it("keeps users and the token secret across a restart", async () => {
    const server = await start();
    try {
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ userId, name: "Ann" });
    } finally {
      await server.close();
    }
  });

  it("refuses to start when the default world does not exist", async () => {
    await expect(startServer({ port: 0, dataDir, worldsDir, defaultWorld: "plaza", logLevel: "silent" })).rejects.toThrow(
      /KINDRED_DEFAULT_WORLD is "plaza" but .* has no plaza\.json/,
    );
  });
});

describe("the server command", () => {
  it("starts from environment settings, prints its address, and shuts down cleanly on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
      // KINDRED_LOCAL_MODEL=none: tests never download the default embedded model.
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", KINDRED_DATA_DIR: dataDir, KINDRED_WORLDS_DIR: worldsDir, KINDRED_DEFAULT_WORLD: "alpha", LOG_LEVEL: "warn", KINDRED_LOCAL_MODEL: "none", KINDRED_EMBEDDING_MODEL: "none" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    await new Promise<void>((resolve, reject) => {
      const check = () => (output.includes("Kindred is running") ? resolve() : undefined);
      child.stdout.on("data", check);
      exited.then(() => reject(new Error(`the server exited early:\n${output}`)));
    });
    expect(output).toContain(`local:   http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: closing rooms, server and database");
  });

  it("explains a bad setting instead of starting", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts"], {
      env: { ...process.env, PORT: "eighty", KINDRED_DATA_DIR: dataDir, KINDRED_WORLDS_DIR: worldsDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/Kindred cannot start: invalid configuration:\n\s+PORT="eighty" \(environment\): must be a number/);
  });
});
