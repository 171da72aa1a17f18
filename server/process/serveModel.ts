import type { ModelProgressEvent } from "../models";
import type { FromModelProcess, ToModelProcess } from "./modelProcessProtocol";
import { connectToParent } from "./parentChannel";

/** A model loaded in its process: what the parent learns once it is ready, and how it answers. */
export interface ServedModel<Ready, Request, Response> {
  info: Ready;
  handle(request: Request): Promise<Response>;
}

/**
 * The body of a module started by startModelProcess: loads the model (reporting progress), says
 * it is ready, then answers requests one at a time, in order: one model run at a time is what the
 * process is for, and interleaved runs would only share the cores. A failed load ends the process.
 */
export async function serveModel<Setup, Ready, Request, Response>(
  load: (setup: Setup, onProgress: (event: ModelProgressEvent) => void) => Promise<ServedModel<Ready, Request, Response>>,
): Promise<void> {
  const channel = connectToParent<Setup, ToModelProcess<Request>, FromModelProcess<Ready, Response>>();
  let model: ServedModel<Ready, Request, Response>;
  try {
    model = await load(channel.setup, (event) => channel.send({ type: "progress", event }));
  } catch (error) {
    channel.sendAndExit({ type: "load-failed", message: (error as Error).message }, 1);
    return;
  }
  let queue = Promise.resolve();
  const serve = async ({ id, request }: ToModelProcess<Request>) => {
    try {
      channel.send({ type: "response", id, response: await model.handle(request) });
    } catch (error) {
      channel.send({ type: "request-failed", id, message: (error as Error).message });
    }
  };
  channel.listen((message) => (queue = queue.then(() => serve(message))));
  channel.send({ type: "ready", info: model.info });
}
