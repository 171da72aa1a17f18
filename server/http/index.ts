export { createHttpApp, type HttpAppDeps } from "./app";
export { HttpError } from "./errors";
