import { spawn, type ChildProcessByStdio } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import https from "node:https";
import { networkInterfaces } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import type { TLSSocket } from "node:tls";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/freePort";
import { makeTempDir } from "../support/tempDir";
import { fixtureWorlds, writeWorlds } from "../support/worldFixtures";

interface Answer {
  status: number;
  body: string;
  authorized: boolean;
  peerFingerprint256: string;
}

/** GET over TLS trusting only `ca`: Node verifies the chain and the host name, nothing disabled. */
function get(url: string, ca: string | undefined, servername?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca, servername }, (response) => {
      // Read before the body ends: the socket goes back to the agent's pool then.
      const socket = response.socket as TLSSocket;
      const tls = { authorized: socket.authorized, peerFingerprint256: socket.getPeerCertificate().fingerprint256 };
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, ...tls }));
    });
    request.on("error", reject);
  });
}

/** Runs a Node script trusting `caFile`; resolves with its stdout, rejects with its output on failure. */
function runTrusting(caFile: string, args: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args.join(" ")} exited ${code}:\n${stdout}${stderr}`)))),
  );
}

const lanIPv4 = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a?.family === "IPv4" && !a.internal)
  .map((a) => a!.address);

// The real command, as `npm start -- --https` runs it (less the client build), listening on every interface.
describe("the server command with --https", () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let child: ChildProcessByStdio<null, Readable, Readable>;
  let output = "";
  let exited: Promise<number | null>;
  let port: number;
  let cert: string;

  // The first start runs initdb on disk: seconds on an idle machine, far more on a busy one.
  beforeAll(async () => {
    temp = makeTempDir("kindred-https-");
    dataDir = path.join(temp.path, "data");
    const worldsDir = path.join(temp.path, "worlds");
    mkdirSync(worldsDir);
    writeWorlds(worldsDir, fixtureWorlds());
    port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts", "--https"], {
      // KINDRED_LOCAL_MODEL=none: tests never download the default embedded model.
      env: { ...process.env, PORT: String(port), HOST: "0.0.0.0", KINDRED_DATA_DIR: dataDir, KINDRED_WORLDS_DIR: worldsDir, KINDRED_DEFAULT_WORLD: "alpha", LOG_LEVEL: "warn", KINDRED_LOCAL_MODEL: "none", KINDRED_EMBEDDING_MODEL: "none", KINDRED_HTTPS: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => output.includes("Press Ctrl+C to stop.") && resolve());
      void exited.then(() => reject(new Error(`the server exited early:\n${output}`)));
    });
    cert = readFileSync(path.join(dataDir, "tls", "cert.pem"), "utf8");
  }, 180_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
    temp.remove();
  });

  it("completes a verified TLS handshake with the generated certificate", async () => {
    const answer = await get(`https://127.0.0.1:${port}/healthz`, cert, "localhost");
    expect(answer).toMatchObject({ status: 200, authorized: true, peerFingerprint256: new X509Certificate(cert).fingerprint256 });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    // Without the certificate as a trust anchor the same request is refused: the check above is real.
    await expect(get(`https://127.0.0.1:${port}/healthz`, undefined, "localhost")).rejects.toThrow(/self[- ]signed certificate/);
  });

  it("prints an https URL for localhost and each LAN address, and each one answers", async () => {
    const printed = [...output.matchAll(/^ {2}(local|network): +(\S+)$/gm)].map((m) => m[2]!);
    expect(printed).toEqual([`https://localhost:${port}`, ...lanIPv4.map((ip) => `https://${ip}:${port}`)]);
    for (const url of printed) {
      // No servername override: the certificate must name the printed host itself.
      const answer = await get(`${url}/healthz`, cert);
      expect(answer, url).toMatchObject({ status: 200, authorized: true });
    }
  });

  it("prints a QR code of the first LAN URL and how to accept the certificate", async () => {
    const headsetUrl = lanIPv4[0] ? `https://${lanIPv4[0]}:${port}` : undefined;
    if (headsetUrl) {
      expect(output).toContain(`On the headset, open ${headsetUrl} (or scan this code):`);
      expect(output).toContain((await QRCode.toString(headsetUrl, { type: "terminal", small: true })).trimEnd());
      expect(output).toContain(`"Proceed to ${lanIPv4[0]} (unsafe)"`);
    } else {
      expect(output).toContain("No network address found");
    }
    expect(output).toContain(`certificate: ${path.join(dataDir, "tls", "cert.pem")} (SHA-256 ${new X509Certificate(cert).fingerprint256})`);
  });

  it("lets the Colyseus SDK sign in over HTTPS and join a room over WSS, trusting only that certificate", { timeout: 60_000 }, async () => {
    const stdout = await runTrusting(path.join(dataDir, "tls", "cert.pem"), ["tests/server/tls/joinOverWss.ts", `https://localhost:${port}`, "alpha"]);
    const seen = JSON.parse(stdout.trim().split("\n").at(-1)!) as { userId: string; playerUserId: string; worldId: string };
    expect(seen.playerUserId).toBe(seen.userId);
    expect(seen.worldId).toBe("alpha");
  });

  it("shuts down cleanly on SIGTERM", async () => {
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("the server command's HTTPS settings", () => {
  const refusal = async (args: string[], env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/serve.ts", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { code, output };
  };

  it("explains an unknown flag and shows the usage", async () => {
    const { code, output } = await refusal(["--htps"], {});
    expect(code).toBe(1);
    expect(output).toMatch(/Kindred cannot start: Unknown option '--htps'[\s\S]*usage: npm start -- \[--https\]/);
  });

  it("explains a bad KINDRED_HTTPS value", async () => {
    const { code, output } = await refusal([], { KINDRED_HTTPS: "yes" });
    expect(code).toBe(1);
    expect(output).toContain('KINDRED_HTTPS="yes" (environment): must be on or off');
  });
});
