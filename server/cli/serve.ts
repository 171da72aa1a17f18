/** The server alone (no client build): what `npm run dev` restarts on every change. */
import { runServer } from "./runServer";

await runServer();
