import type { ModelProgressEvent } from "../models";

/** parent → model process: one request, answered by a response or a request-failed with its id. */
export type ToModelProcess<Request> = { type: "request"; id: number; request: Request };

/** model process → parent */
export type FromModelProcess<Ready, Response> =
  | { type: "progress"; event: ModelProgressEvent }
  | { type: "ready"; info: Ready }
  | { type: "load-failed"; message: string }
  | { type: "response"; id: number; response: Response }
  | { type: "request-failed"; id: number; message: string };
