// The Whisper process starts with Node's own loader (it is forked with no flags: under vitest the
// parent's flags are not a loader's). This plain-JS entry registers tsx's loader, then loads the
// TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./whisperProcess.ts");
