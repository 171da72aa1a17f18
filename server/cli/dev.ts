/**
 * `npm run dev`: the server restarting on every change (tsx watch, in a child process) and Vite's
 * dev server with HMR, which proxies the API, matchmaking and room sockets to that server.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { createServer } from "vite";
import { ConfigError, loadConfig } from "../config";

const root = process.cwd();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`\nKindred cannot start: ${error.message}\n`);
  process.exit(1);
}
// vite.config.ts reads PORT to aim its proxy at the server, whichever source set the port.
process.env.PORT = String(config.port);
// Vite's proxy speaks plain HTTP to the server; a headset needs `npm start -- --https` instead.
if (config.https) {
  console.warn("KINDRED_HTTPS=on is ignored by npm run dev (plain HTTP with HMR); for a headset, run npm start -- --https");
  process.env.KINDRED_HTTPS = "off";
}

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const server = spawn(process.execPath, [tsxCli, "watch", "--clear-screen=false", path.join("server", "cli", "serve.ts")], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});

const vite = await createServer({ configFile: path.join(root, "vite.config.ts"), server: { host: config.host } });
await vite.listen();
console.log(`\nKindred dev: open Vite's address below (HMR); the server on port ${config.port} restarts on change.`);
vite.printUrls();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await vite.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  if (!stopping) console.error(`the server process exited (${code}); fix the error and save to restart it`);
});
