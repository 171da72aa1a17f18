import { startServer } from "../app";
import { ConfigError, loadConfig } from "../config";
import { WorldLoadError } from "../worlds";
import { serverAddresses } from "./addresses";

/**
 * Starts the server with the configuration from the environment and kindred.config.yaml, prints
 * where to open it, and shuts down cleanly on SIGINT/SIGTERM. Startup problems are printed as
 * one clear message, not a stack trace.
 */
export async function runServer(): Promise<void> {
  try {
    const config = loadConfig();
    const server = await startServer(config);
    const { local, lan } = serverAddresses(config.host, server.port);
    console.log(`\nKindred is running:\n  local:   ${local}`);
    for (const url of lan) console.log(`  network: ${url}`);
    const { source, description } = server.languageModel;
    console.log(source === "none" ? `  model:   none (${description}); companions will say how to set one up` : `  model:   ${description}`);
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
    if (error instanceof ConfigError || error instanceof WorldLoadError) {
      console.error(`\nKindred cannot start: ${error.message}\n`);
    } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`\nKindred cannot start: ${(error as Error).message}. Stop what uses that port, or set PORT to another one.\n`);
    } else {
      console.error("\nKindred cannot start:", error);
    }
    process.exit(1);
  }
}
