// A child process or worker thread starts with Node's own loader: a child is forked with no flags
// (under vitest the parent's flags are not a loader's, and an inherited debugger port would
// clash), and a thread does not get the hooks of `npm start`'s `--import tsx`. This plain-JS entry
// registers tsx's loader, then loads the TypeScript module named by its first argument.
import { register } from "tsx/esm/api";

register();
await import(process.argv[2]);
