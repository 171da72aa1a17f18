// The engine's worker thread or child process starts with Node's own loader: a thread does not
// get the hooks of `npm start`'s `--import tsx`, a child is forked with no flags, and under
// vitest neither gets a transform. This plain-JS entry registers tsx's loader, then loads the
// TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./ttsWorker.ts");
