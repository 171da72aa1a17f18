import { parseArgs } from "node:util";
import { startServer } from "../app";
import { ConfigError, loadConfig } from "../config";
import { WorldLoadError } from "../worlds";
import { TlsCertificateError } from "../tls";
import { serverAddresses } from "./addresses";
import { headsetNotice } from "./headsetNotice";

const USAGE = `usage: npm start -- [--https]
  --https  serve HTTPS and WSS with a self-signed certificate (for WebXR headsets); same as KINDRED_HTTPS=on`;

/** Command-line flags; settings come from the environment and kindred.config.yaml. */
function readFlags(args: string[]): { https: boolean } {
  const { values } = parseArgs({ args, options: { https: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return { https: values.https === true };
}

/**
 * Starts the server with the configuration from the environment and kindred.config.yaml, prints
 * where to open it, and shuts down cleanly on SIGINT/SIGTERM. Startup problems are printed as
 * one clear message, not a stack trace.
 */
export async function runServer(args = process.argv.slice(2)): Promise<void> {
  try {
    const flags = readFlags(args);
    const loaded = loadConfig();
    const config = { ...loaded, https: loaded.https || flags.https };
    const server = await startServer(config);
    const urls = serverAddresses(config.host, server.port, server.certificate ? "https" : "http");
    console.log(`\nKindred is running${server.certificate ? " (HTTPS)" : ""}:\n  local:   ${urls.local}`);
    for (const url of urls.lan) console.log(`  network: ${url}`);
    const { source, description } = server.languageModel;
    console.log(source === "none" ? `  model:   none (${description}); companions will say how to set one up` : `  model:   ${description}`);
    if (server.certificate) console.log(`\n${await headsetNotice(config.host, urls, server.certificate)}`);
    console.log("Press Ctrl+C to stop.\n");

    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        console.log(`\n${signal} again: exiting without waiting`);
        process.exit(1);
      }
      stopping = true;
      console.log(`\n${signal}: closing rooms, server and database…`);
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("shutdown failed:", error);
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof WorldLoadError || error instanceof TlsCertificateError) {
      console.error(`\nKindred cannot start: ${error.message}\n`);
    } else if (String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`\nKindred cannot start: ${(error as Error).message}\n${USAGE}\n`);
    } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`\nKindred cannot start: ${(error as Error).message}. Stop what uses that port, or set PORT to another one.\n`);
    } else {
      console.error("\nKindred cannot start:", error);
    }
    process.exit(1);
  }
}
