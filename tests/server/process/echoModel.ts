/**
 * A model module for the process host's tests (run by serveModel in a child process): it "loads"
 * (or fails to, when asked), reports progress, and answers a text with its upper case, except
 * "fail" (a request error) and "crash" (the process dies with code 7).
 */
import { serveModel } from "../../../server/process";

export interface EchoSetup {
  failLoad?: string;
}

await serveModel<EchoSetup, { pid: number }, string, string>(async ({ failLoad }, onProgress) => {
  onProgress({ status: "progress", file: "echo.onnx", progress: 50 });
  if (failLoad) throw new Error(failLoad);
  return {
    info: { pid: process.pid },
    handle: async (text) => {
      if (text === "crash") process.exit(7);
      if (text === "fail") throw new Error("cannot echo that");
      return text.toUpperCase();
    },
  };
});
