/** `npm start`: build the web client if it is missing or stale, then run the server. */
import { buildClient, clientBuildReason } from "./clientBuild";
import { runServer } from "./runServer";

const root = process.cwd();
const reason = clientBuildReason(root);
if (reason) {
  console.log(`Building the web client: ${reason}…`);
  try {
    await buildClient(root);
  } catch (error) {
    console.error("\nThe web client did not build:", error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
await runServer();
