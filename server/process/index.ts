export { TYPESCRIPT_ENTRY, startChildProcess, type ChildProcessHandle, type ChildProcessOptions } from "./childProcess";
export { connectToParent, type ParentChannel } from "./parentChannel";
export { startModelProcess, type ModelProcess, type ModelProcessOptions } from "./modelProcess";
export { serveModel, type ServedModel } from "./serveModel";
